import type { CatalogueSpec, SectionSpec } from '../lib/catalogue-types.ts';
import {
  applicantSection,
  basisSection,
  citizenshipField,
  is,
  L,
  nationalityField,
  SPOUSE_COPIES,
  spouseNameFields,
} from './common.ts';
import { divorceMarriageLookup } from './lookups.ts';

function formerSpouse(side: 'husband' | 'wife'): SectionSpec {
  const p = (k: string) => `${side}.${k}`;
  return {
    id: side,
    path: side,
    fields: [
      ...spouseNameFields(side),
      citizenshipField(p('citizenship'), false),
      nationalityField(p('nationality')),
      { type: 'place', path: p('birthPlace') },
      { type: 'place', path: p('residence') },
      { type: 'document', path: p('idDocument') },
    ],
  };
}

export const divorceCatalogue: CatalogueSpec = {
  kind: 'DIVORCE',
  sections: [
    {
      id: 'marriage',
      path: 'marriage',
      fields: [
        {
          type: 'lookup',
          path: 'marriageRecordId',
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
          required: true,
          maxLength: 50,
        },
        {
          type: 'date',
          path: 'marriage.date',
          required: true,
        },
        {
          type: 'text',
          path: 'marriage.office',
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
    formerSpouse('husband'),
    formerSpouse('wife'),
    basisSection([
      {
        type: 'yesno',
        path: 'basis.commonMinorChildren',
        when: is('basis.type', 'JOINT_APPLICATION', undefined),
        required: true,
      },
      {
        type: 'select',
        path: 'basis.specialCase',
        when: is('basis.type', 'SPOUSE_APPLICATION'),
        required: true,
        wide: true,
      },
      {
        type: 'court',
        path: 'basis.court',
        when: is('basis.type', 'COURT_DECISION', 'SPOUSE_APPLICATION'),
        required: true,
      },
    ]),
    {
      id: 'dates',
      title: L('Санаҳо', 'Даты', 'Dates'),
      fields: [
        { type: 'date', path: 'applicationDate', required: true },
        {
          type: 'date',
          path: 'marriageEndDate',
          required: true,
        },
      ],
    },
    applicantSection({ optional: true, copyFrom: SPOUSE_COPIES }),
  ],
};
