import { FIELD_LABELS, type LocalizedText, VALUE_LABELS } from '@sabt/core';
import type { Catalogue, Section } from '../lib/catalogue-types.ts';
import {
  applicantSection,
  citizenshipField,
  is,
  L,
  LABELS,
  nationalityField,
  SPOUSE_COPIES,
} from './common.ts';
import { divorceMarriageLookup } from './lookups.ts';

function formerSpouse(side: 'husband' | 'wife', title: LocalizedText): Section {
  const p = (k: string) => `${side}.${k}`;
  return {
    id: side,
    path: side,
    title,
    fields: [
      {
        type: 'text',
        path: p('surnameBefore'),
        label: L('Насаб дар давраи никоҳ', 'Фамилия в браке', 'Surname during the marriage'),
        required: true,
        maxLength: 100,
      },
      {
        type: 'text',
        path: p('surnameAfter'),
        label: L(
          'Насаб баъд аз бекор кардани никоҳ',
          'Фамилия после расторжения брака',
          'Surname after the divorce',
        ),
        required: true,
        maxLength: 100,
      },
      { type: 'text', path: p('name'), label: LABELS.name, required: true, maxLength: 100 },
      { type: 'text', path: p('patronymic'), label: LABELS.patronymic, maxLength: 100 },
      { type: 'date', path: p('birthDate'), label: LABELS.birthDate, required: true },
      citizenshipField(p('citizenship'), false),
      nationalityField(p('nationality')),
      { type: 'place', path: p('birthPlace'), label: LABELS.birthPlace },
      { type: 'place', path: p('residence'), label: LABELS.residence },
      { type: 'document', path: p('idDocument'), label: LABELS.idDocument },
    ],
  };
}

export const divorceCatalogue: Catalogue = {
  kind: 'DIVORCE',
  sections: [
    {
      id: 'marriage',
      path: 'marriage',
      title: LABELS.marriageRecord,
      fields: [
        {
          type: 'lookup',
          path: 'marriageRecordId',
          label: L('Сабт дар «Сабт»', 'Запись в «Сабт»', 'Record in Sabt'),
          hint: L(
            'Сабти ақди никоҳро ёбед: рақам, сана ва маълумоти ҳамсарон худкор пур мешаванд.',
            'Найдите запись о браке: номер, дата и сведения о супругах заполнятся сами.',
            'Find the marriage record: its number, date and the spouses are filled in for you.',
          ),
          lookup: divorceMarriageLookup,
          wide: true,
        },
        {
          type: 'text',
          path: 'marriage.number',
          label: L('Рақами сабти ақди никоҳ', 'Номер записи о браке', 'Marriage record number'),
          required: true,
          maxLength: 50,
        },
        {
          type: 'date',
          path: 'marriage.date',
          label: L('Санаи сабти ақди никоҳ', 'Дата записи о браке', 'Marriage record date'),
          required: true,
        },
        {
          type: 'text',
          path: 'marriage.office',
          label: L(
            'Идорае, ки никоҳро ба қайд гирифтааст',
            'Орган, зарегистрировавший брак',
            'Office that registered the marriage',
          ),
          hint: L(
            'Рамзи идора (масалан DU-03-00) ё номи он.',
            'Код учреждения (например DU-03-00) или его название.',
            'The office code (e.g. DU-03-00) or its name.',
          ),
          required: true,
          maxLength: 200,
        },
      ],
    },
    formerSpouse('husband', FIELD_LABELS.husband),
    formerSpouse('wife', L('Зан', 'Жена', 'Wife')),
    {
      id: 'basis',
      path: 'basis',
      title: L('Асоси бекор кардани никоҳ', 'Основание расторжения брака', 'Basis of the divorce'),
      fields: [
        {
          type: 'select',
          path: 'basis.type',
          label: FIELD_LABELS.basis,
          required: true,
          wide: true,
          options: [
            {
              value: 'JOINT_APPLICATION',
              label: L(
                'Аризаи муштараки ҳамсарон',
                'Совместное заявление супругов',
                'Joint application of the spouses',
              ),
            },
            {
              value: 'COURT_DECISION',
              label: VALUE_LABELS.COURT_DECISION,
            },
            {
              value: 'SPOUSE_APPLICATION',
              label: L('Аризаи яке аз ҳамсарон', 'Заявление одного из супругов', 'Application of one spouse'),
            },
          ],
        },
        {
          type: 'yesno',
          path: 'basis.commonMinorChildren',
          label: L(
            'Фарзандони ноболиғи умумӣ доранд',
            'Есть общие несовершеннолетние дети',
            'They have common minor children',
          ),
          when: is('basis.type', 'JOINT_APPLICATION', undefined),
          required: true,
        },
        {
          type: 'select',
          path: 'basis.specialCase',
          label: L('Ҳамсари дигар', 'Другой супруг', 'The other spouse'),
          when: is('basis.type', 'SPOUSE_APPLICATION'),
          required: true,
          wide: true,
          options: [
            {
              value: 'MISSING',
              label: VALUE_LABELS.MISSING,
            },
            {
              value: 'INCAPABLE',
              label: VALUE_LABELS.INCAPABLE,
            },
            {
              value: 'IMPRISONED_OVER_3_YEARS',
              label: L(
                'Ба зиёда аз 3 сол аз озодӣ маҳрум шудааст',
                'Осуждён к лишению свободы на срок свыше 3 лет',
                'Sentenced to more than 3 years in prison',
              ),
            },
          ],
        },
        {
          type: 'court',
          path: 'basis.court',
          label: FIELD_LABELS.court,
          when: is('basis.type', 'COURT_DECISION', 'SPOUSE_APPLICATION'),
          required: true,
        },
      ],
    },
    {
      id: 'dates',
      title: L('Санаҳо', 'Даты', 'Dates'),
      fields: [
        { type: 'date', path: 'applicationDate', label: LABELS.applicationDate, required: true },
        {
          type: 'date',
          path: 'marriageEndDate',
          label: L('Санаи қатъ гардидани никоҳ', 'Дата прекращения брака', 'Date the marriage ended'),
          required: true,
        },
      ],
    },
    applicantSection({ optional: true, copyFrom: SPOUSE_COPIES }),
  ],
};
