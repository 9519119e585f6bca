import { z } from 'zod';
import { personName, plainDate, shortText, text } from '../acts/common.ts';
import { type FieldIssue, type Mode, toFieldIssues } from '../acts/validation.ts';
import { fullYearsBetween, isPlainDate } from '../dates/plain-date.ts';
import type { FeeService } from '../fees/catalogue.ts';
import type { LocalizedText } from '../i18n/locale.ts';
import type { DocumentKind } from '../workflow/certificate-documents.ts';
import { ACT_KINDS, type ActKindCode } from '../workflow/statuses.ts';
import {
  PORTAL_SERVICE_INFO,
  PORTAL_SERVICES,
  type PortalService,
  type PortalServiceInfo,
} from './services.ts';

const e = (tg: string, ru: string, en: string): LocalizedText => ({ tg, ru, en });

/**
 * A citizen's request for a copy of a registered record, made online: a repeat certificate or an
 * extract from the record. The office finds the record, links it, charges the service (paid on
 * request, core fees/payments.ts) and prints the document; the citizen collects it. Who may
 * receive one (handbook §1, operation rules): the person the record is about, the parents or
 * guardians of a minor, the relatives of a deceased person (courts and state bodies ask the office,
 * not the portal).
 */

/** The services a copy request is for: the fee services that price them (core fees/catalogue.ts). */
export const COPY_SERVICES = ['CERT_REPEAT', 'EXTRACT'] as const satisfies readonly FeeService[];
export type CopyService = (typeof COPY_SERVICES)[number];

export const isCopyService = (value: string): value is CopyService =>
  (COPY_SERVICES as readonly string[]).includes(value);

/** The portal's description of each (who may apply, what to bring): core portal/services.ts. */
export const COPY_SERVICE_PAGE: Record<CopyService, PortalService> = {
  CERT_REPEAT: 'repeat-certificate',
  EXTRACT: 'extract',
};

/** What the office prints for it: the record's own certificate, or an archive extract. */
export const copyDocumentOf = (service: CopyService, own: DocumentKind): DocumentKind =>
  service === 'EXTRACT' ? 'ARCHIVE_EXTRACT' : own;

/** What an online application is for: an act to register, or a copy of a registered record. */
export const APPLICATION_KINDS = [...ACT_KINDS, ...COPY_SERVICES] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** The portal's service an application is for (its title, who may apply): its act's, or the copy's. */
export function applicationService(kind: ApplicationKind): PortalServiceInfo {
  if (isCopyService(kind)) return PORTAL_SERVICE_INFO[COPY_SERVICE_PAGE[kind]];
  const slug = PORTAL_SERVICES.find((s) => PORTAL_SERVICE_INFO[s].actKind === kind)!;
  return PORTAL_SERVICE_INFO[slug];
}

/** Whose record it is, as the applicant stands to the person the record is about. */
export const COPY_RELATIONSHIPS = ['self', 'minor', 'deceased-relative'] as const;
export type CopyRelationship = (typeof COPY_RELATIONSHIPS)[number];

export const COPY_RELATIONSHIP_LABELS: Record<CopyRelationship, LocalizedText> = {
  self: e('Сабти худам', 'Моя собственная запись', 'My own record'),
  minor: e(
    'Фарзанди ноболиғам ё шахси таҳти васоятам (то 18-сола)',
    'Мой несовершеннолетний ребёнок или подопечный (до 18 лет)',
    'My minor child or ward (under 18)',
  ),
  'deceased-relative': e('Хешованди вафоткардаам', 'Мой умерший родственник', 'My deceased relative'),
};

/** The age until which a parent or guardian receives a child's certificate. */
export const COPY_MINOR_AGE = 18;

/** The request's data (citizen_applications.data of a copy request). */
export const copyRequestSchema = z.strictObject({
  actKind: z.enum(ACT_KINDS),
  relationship: z.enum(COPY_RELATIONSHIPS),
  person: z.strictObject({
    surname: personName,
    name: personName,
    patronymic: personName.optional(),
    birthDate: plainDate,
  }),
  /** A death record's: the date of death. */
  deathDate: plainDate.optional(),
  /** What the applicant knows of the registration; the office finds the record by it. */
  registration: z
    .strictObject({
      office: shortText.optional(),
      number: text(40, { min: 1 }).optional(),
      date: plainDate.optional(),
    })
    .optional(),
  /** An extract's: what it is needed for. */
  purpose: shortText.optional(),
});
export type CopyRequest = z.infer<typeof copyRequestSchema>;
type Draft = {
  actKind?: ActKindCode;
  relationship?: CopyRelationship;
  person?: { birthDate?: string };
  deathDate?: string;
  registration?: { date?: string };
  purpose?: string;
};

/** The fields of the request with their labels, in the order the form shows them. */
export const COPY_REQUEST_LABELS: Record<string, LocalizedText> = {
  actKind: e('Намуди сабт', 'Вид записи', 'Kind of record'),
  relationship: e('Сабти кист', 'Чья запись', 'Whose record'),
  'person.surname': e('Насаб', 'Фамилия', 'Surname'),
  'person.name': e('Ном', 'Имя', 'Name'),
  'person.patronymic': e('Номи падар', 'Отчество', 'Patronymic'),
  'person.birthDate': e('Санаи таваллуд', 'Дата рождения', 'Date of birth'),
  deathDate: e('Санаи вафот', 'Дата смерти', 'Date of death'),
  'registration.office': e(
    'Идорае, ки сабтро ба қайд гирифтааст (агар маълум бошад)',
    'Орган, зарегистрировавший запись (если известен)',
    'The office that registered it (if known)',
  ),
  'registration.number': e(
    'Рақами сабт (агар маълум бошад)',
    'Номер записи (если известен)',
    'Record number (if known)',
  ),
  'registration.date': e(
    'Санаи бақайдгирӣ (агар маълум бошад)',
    'Дата регистрации (если известна)',
    'Date of registration (if known)',
  ),
  purpose: e('Барои чӣ лозим аст', 'Для чего нужно', 'What it is needed for'),
  attachments: e('Ҳуҷҷатҳои замима', 'Приложенные документы', 'Attached documents'),
};

/** How many scans a request needs: the identity document, and a proof of kinship for another's. */
export const copyScansNeeded = (relationship: CopyRelationship | undefined) =>
  relationship && relationship !== 'self' ? 2 : 1;

export interface CopyRequestCheck {
  ok: boolean;
  errors: FieldIssue[];
}

/**
 * A request checked as the staff's drafts are: in draft mode incomplete but never wrong, complete
 * on submission (with its scans counted). The rules: a death record only for a deceased relative,
 * with the date of death; a minor's record for a person under 18; an extract says what it is for;
 * no date ahead of today, none before the birth.
 */
export function checkCopyRequest(
  service: CopyService,
  data: unknown,
  mode: Mode,
  ctx: { today: string; scans?: number },
): CopyRequestCheck {
  const parsed = copyRequestSchema.safeParse(data);
  const errors = parsed.success ? [] : toFieldIssues(parsed.error, data, mode);
  const seen = new Set(errors.map((x) => x.path.join('.')));
  const add = (path: string[], key: string, params?: Record<string, unknown>) => {
    if (seen.has(path.join('.'))) return;
    seen.add(path.join('.'));
    errors.push(params ? { path, key, params } : { path, key });
  };
  const d = (data !== null && typeof data === 'object' ? data : {}) as Draft;
  const date = (v: unknown) => (typeof v === 'string' && isPlainDate(v) ? v : undefined);
  const birth = date(d.person?.birthDate);
  const dates: [string[], string | undefined][] = [
    [['person', 'birthDate'], birth],
    [['deathDate'], date(d.deathDate)],
    [['registration', 'date'], date(d.registration?.date)],
  ];
  for (const [path, v] of dates) {
    if (v && v > ctx.today) add(path, 'error.date.future');
    else if (v && birth && path[0] !== 'person' && v < birth) add(path, 'error.date.beforeBirth');
  }
  if (d.actKind === 'DEATH') {
    if (d.relationship && d.relationship !== 'deceased-relative')
      add(['relationship'], 'error.portal.copyDeathRelative');
    if (mode === 'complete' && !d.deathDate) add(['deathDate'], 'error.required');
  } else if (d.deathDate !== undefined) add(['deathDate'], 'error.portal.copyDeathOnly');
  if (d.relationship === 'minor' && birth && fullYearsBetween(birth, ctx.today) >= COPY_MINOR_AGE)
    add(['relationship'], 'error.portal.copyNotMinor', { age: COPY_MINOR_AGE });
  if (service === 'EXTRACT' && mode === 'complete' && !d.purpose?.trim()) add(['purpose'], 'error.required');
  if (service !== 'EXTRACT' && d.purpose !== undefined) add(['purpose'], 'error.portal.copyPurposeExtract');
  if (mode === 'complete' && ctx.scans !== undefined) {
    const needed = copyScansNeeded(d.relationship);
    if (ctx.scans < needed) add(['attachments'], 'error.portal.copyScans', { min: needed });
  }
  return { ok: errors.length === 0, errors };
}

/** Who the office looks for: the names and the date a record search starts with. */
export function copyRequestSummary(data: unknown) {
  const d = (data ?? {}) as Partial<CopyRequest>;
  return {
    surname: d.person?.surname ?? null,
    name: d.person?.name ?? null,
    patronymic: d.person?.patronymic ?? null,
    birthDate: d.person?.birthDate ?? null,
    eventDate:
      (d.actKind === 'DEATH'
        ? d.deathDate
        : d.actKind === 'BIRTH'
          ? d.person?.birthDate
          : d.registration?.date) ?? null,
    actKind: d.actKind ?? null,
  };
}
