import type { LocalizedText } from '../i18n/locale.ts';
export const ROLES = [
  'front_office',
  'back_office',
  'registrar',
  'head_of_office',
  'archivist',
  'verifier',
  'central_admin',
  'statistician',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of office in the tree: central department → regions → district/city offices → jamoats, mobile offices; consulates. */
export const OFFICE_KINDS = ['central', 'region', 'district', 'jamoat', 'mobile', 'consulate'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  front_office: { tg: 'Корманди қабул', ru: 'Специалист фронт-офиса', en: 'Front-office clerk' },
  back_office: { tg: 'Мутахассиси бэк-офис', ru: 'Специалист бэк-офиса', en: 'Back-office specialist' },
  registrar: { tg: 'Бақайдгиранда', ru: 'Регистратор', en: 'Registrar' },
  head_of_office: { tg: 'Роҳбари идора', ru: 'Руководитель учреждения', en: 'Head of office' },
  archivist: { tg: 'Корманди бойгонӣ', ru: 'Архивист', en: 'Archivist' },
  verifier: { tg: 'Санҷанда', ru: 'Верификатор', en: 'Verifier' },
  central_admin: { tg: 'Маъмури марказӣ', ru: 'Центральный администратор', en: 'Central administrator' },
  statistician: { tg: 'Мутахассиси омор', ru: 'Статистик', en: 'Statistician' },
  auditor: { tg: 'Аудитор', ru: 'Аудитор', en: 'Auditor' },
};
