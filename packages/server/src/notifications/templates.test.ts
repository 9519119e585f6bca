import { LOCALES } from '@sabt/core';
import { describe, expect, it } from 'vitest';
import { renderNotification } from './render.ts';
import { TEMPLATE_IDS, TEMPLATES } from './templates.ts';

const CASES = TEMPLATE_IDS.flatMap((id) => LOCALES.map((lang) => [id, lang] as const));
const TAJIK_LETTERS = /[ғӣқӯҳҷ]/i;

describe('notification templates', () => {
  it.each(CASES)('%s renders in %s from its example', (id, lang) => {
    const m = renderNotification(id, lang, TEMPLATES[id].example);
    for (const text of [m.subject, m.text, m.sms]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|null|\[object|NaN|\$\{/);
    }
    expect(m.subject).not.toContain('\n');
    expect(m.html).toContain(`<html lang="${lang}">`);
    // an SMS stays within three Cyrillic (UCS-2) segments
    expect(m.sms.length).toBeLessThanOrEqual(201);
  });

  it.each(TEMPLATE_IDS)('%s is written in the language it is sent in', (id) => {
    // staff's free-text note stays in whatever language it was written in: not part of the check
    const { note: _, ...params } = TEMPLATES[id].example as Record<string, unknown>;
    const [tg, ru, en] = LOCALES.map((l) => renderNotification(id, l, params));
    expect(tg!.text).not.toBe(ru!.text);
    expect(tg!.text).toMatch(/[а-яё]/i);
    expect(ru!.text).toMatch(/[а-яё]/i);
    // Tajik without the letters the 1998 reform removed; Tajik letters where a Tajik text has them
    expect(tg!.subject + tg!.text + tg!.sms).not.toMatch(/[цщыь]/i);
    expect(tg!.text).toMatch(TAJIK_LETTERS);
    if (id !== 'operator.test') {
      // the operator's test names the Tajik letters in every language on purpose
      expect(en!.subject + en!.text + en!.sms).not.toMatch(/[\u0400-\u04FF]/);
      expect(ru!.subject + ru!.text + ru!.sms).not.toMatch(TAJIK_LETTERS);
    }
  });

  it('names only parameters its schema has as secret', () => {
    for (const id of TEMPLATE_IDS) {
      const def = TEMPLATES[id];
      const keys = Object.keys(def.params.parse(def.example));
      for (const s of def.secret ?? []) expect(keys, id).toContain(s);
    }
    expect(TEMPLATES['portal.sign-in-code'].secret).toEqual(['code']);
  });

  it('puts the one-time code in the subject nowhere and in the body and SMS', () => {
    const m = renderNotification('portal.sign-in-code', 'tg', { code: '482915', minutes: 10 });
    expect(m.subject).not.toContain('482915');
    expect(m.text).toContain('Рамзи воридшавии шумо: 482915');
    expect(m.sms).toBe('Сабт: рамзи воридшавӣ 482915. 10 дақиқа эътибор дорад. Ба касе нагӯед.');
  });

  it('leaves out what was not given and formats dates as dd.mm.yyyy', () => {
    const office = TEMPLATES['application.ready-for-collection'].example.office;
    const without = renderNotification('application.ready-for-collection', 'ru', {
      reference: 'A-1',
      office,
    });
    expect(without.text).not.toContain('до ');
    const by = renderNotification('application.ready-for-collection', 'ru', {
      reference: 'A-1',
      office,
      collectBy: '2026-04-30',
    });
    expect(by.text).toContain('получите его до 30.04.2026');
    expect(by.text).toContain('Отдел ЗАГС — район Фирдавси');
  });

  it('escapes the HTML version and keeps its paragraphs', () => {
    const m = renderNotification('application.status-changed', 'en', {
      reference: 'A-7',
      status: 'rejected',
      note: 'Bring <b>both</b> "passports" & a photo',
    });
    expect(m.html).toContain('Note: Bring &lt;b&gt;both&lt;/b&gt; &quot;passports&quot; &amp; a photo');
    expect(m.html.match(/<p>/g)?.length).toBe(3);
    expect(m.text).toContain('status of your application no. A-7 has changed: rejected');
    expect(m.text).toMatch(/\n-- \nThis message was sent automatically/);
  });

  it('refuses an unknown template and parameters that do not fit', () => {
    expect(() => renderNotification('nope', 'tg', {})).toThrow(/unknown template/);
    expect(() => renderNotification('portal.sign-in-code', 'tg', { code: 'abc', minutes: 10 })).toThrow(
      /code/,
    );
    expect(() =>
      renderNotification('appointment.reminder', 'en', { date: '2026-02-30', time: '10:00' }),
    ).toThrow(/date, office/);
  });
});
