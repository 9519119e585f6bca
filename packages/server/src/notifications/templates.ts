import type { z } from 'zod';
import { APPLICATION_TEMPLATES } from './templates/applications.ts';
import { APPOINTMENT_TEMPLATES } from './templates/appointments.ts';
import { OPERATOR_TEMPLATES } from './templates/operator.ts';
import { PORTAL_TEMPLATES } from './templates/portal.ts';

export { APPLICATION_STATUSES } from './templates/applications.ts';
export type { TemplateDefinition, Texts } from './templates/define.ts';

/**
 * The messages Sabt sends, by template id: for each language a subject, a body (the e-mail's plain
 * text, from which the HTML version is made) and a short text for SMS. Parameters are checked by
 * the template's schema when the message is queued and again when it is rendered; those named in
 * `secret` (a one-time code) are stored encrypted and wiped once the message is out.
 *
 * Texts are functions of the parameters, so a template may leave out a sentence whose parameter is
 * missing and format dates; every text stays in its language, names of offices are given in all
 * three by the caller.
 */

export const TEMPLATES = {
  ...PORTAL_TEMPLATES,
  ...APPLICATION_TEMPLATES,
  ...APPOINTMENT_TEMPLATES,
  ...OPERATOR_TEMPLATES,
} as const;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
export type TemplateParams<T extends TemplateId> = z.output<(typeof TEMPLATES)[T]['params']>;

export function isTemplateId(id: string): id is TemplateId {
  return Object.hasOwn(TEMPLATES, id);
}
