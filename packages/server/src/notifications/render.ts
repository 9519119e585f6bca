import type { Locale } from '@sabt/core';
import { isTemplateId, TEMPLATES, type Texts } from './templates.ts';

/** A message in one language: the e-mail's subject, plain text and HTML, and the SMS text. */
export interface RenderedMessage {
  language: Locale;
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/** A message that cannot be rendered: unknown template or parameters that do not fit it. Never retried. */
export class RenderError extends Error {}

const FOOTER: Record<Locale, string> = {
  tg: 'Ин паём ба таври худкор фиристода шудааст; ба он ҷавоб надиҳед.',
  ru: 'Это сообщение отправлено автоматически; не отвечайте на него.',
  en: 'This message was sent automatically; please do not reply to it.',
};

/** Renders a template in a language; the parameters are checked against the template's schema. */
export function renderNotification(template: string, language: Locale, params: unknown): RenderedMessage {
  if (!isTemplateId(template)) throw new RenderError(`unknown template "${template}"`);
  const def = TEMPLATES[template];
  const parsed = def.params.safeParse(params);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new RenderError(`parameters do not fit template "${template}": ${fields}`);
  }
  // Each template's texts take its own parameters; the catalogue's union needs this one cast.
  const texts = def[language] as Texts<unknown>;
  const subject = oneLine(texts.subject(parsed.data));
  const body = texts.body(parsed.data).trim();
  return {
    language,
    subject,
    text: `${body}\n\n-- \n${FOOTER[language]}\n`,
    html: toHtml(language, subject, body, FOOTER[language]),
    sms: oneLine(texts.sms(parsed.data)),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The plain text as simple HTML: one paragraph per blank-line-separated block, the footer in grey. */
function toHtml(language: Locale, subject: string, body: string, footer: string): string {
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2328">',
    paragraphs,
    `<p style="color: #6b7280; font-size: 13px">${escapeHtml(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
