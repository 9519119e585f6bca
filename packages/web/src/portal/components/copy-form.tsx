import {
  ACT_KINDS,
  COPY_RELATIONSHIP_LABELS,
  COPY_RELATIONSHIPS,
  COPY_REQUEST_LABELS,
  type CopyService,
  getActKind,
} from '@sabt/core';
import type { Values } from '../../features/forms/lib/catalogue-types.ts';
import { dateTextToValue, dateValueToText } from '../../features/forms/lib/date-text.ts';
import { getAt, setAt } from '../../features/forms/lib/paths.ts';
import { useLocale } from '../lib/i18n.tsx';
import { fieldId } from './act-form.tsx';

/**
 * A request for a repeat certificate or an extract as the citizen fills it in: which kind of
 * record, whose, the person's names and dates, what is known of the registration, and an
 * extract's purpose. The labels and the checks are core's (portal/copy-requests.ts); the values
 * are the request's data as it is saved.
 */
export function CopyForm({
  service,
  values,
  onChange,
  invalid,
}: {
  service: CopyService;
  values: Values;
  onChange: (values: Values) => void;
  /** Paths the server refused (data paths, without `data.`). */
  invalid: ReadonlySet<string>;
}) {
  const { m, locale } = useLocale();
  const label = (path: string) => COPY_REQUEST_LABELS[path]![locale];
  const set = (path: string, value: unknown) => onChange(setAt(values, path, value));
  const bad = (path: string) => (invalid.has(path) ? { 'aria-invalid': true as const } : {});
  const kind = getAt(values, 'actKind');
  const relationship = getAt(values, 'relationship');

  const text = (path: string, required = false) => (
    <div className="field">
      <label htmlFor={fieldId(path)}>
        {label(path)}
        {required ? ' *' : ''}
      </label>
      <input
        id={fieldId(path)}
        type="text"
        {...bad(path)}
        value={String(getAt(values, path) ?? '')}
        onChange={(e) => set(path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      />
    </div>
  );
  const date = (path: string, required = false) => (
    <div className="field">
      <label htmlFor={fieldId(path)}>
        {label(path)}
        {required ? ' *' : ''}
      </label>
      <span className="hint" id={`${fieldId(path)}-hint`}>
        dd.mm.yyyy
      </span>
      <input
        id={fieldId(path)}
        type="text"
        inputMode="numeric"
        aria-describedby={`${fieldId(path)}-hint`}
        {...bad(path)}
        value={dateValueToText(getAt(values, path))}
        onChange={(e) => set(path, dateTextToValue(e.currentTarget.value))}
      />
    </div>
  );

  return (
    <>
      <fieldset className="form-section">
        <legend>{m.apply.copies}</legend>
        <div className="field">
          <label htmlFor={fieldId('actKind')}>{label('actKind')} *</label>
          <select
            id={fieldId('actKind')}
            {...bad('actKind')}
            value={typeof kind === 'string' ? kind : ''}
            onChange={(e) => {
              const next = e.currentTarget.value || undefined;
              const cleared = next === 'DEATH' ? values : setAt(values, 'deathDate', undefined);
              onChange(setAt(cleared, 'actKind', next));
            }}
          >
            <option value="">{m.apply.choose}</option>
            {ACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {getActKind(k)!.labels[locale]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field" id={fieldId('relationship')}>
          <legend>{label('relationship')} *</legend>
          {COPY_RELATIONSHIPS.map((r) => (
            <div className="field check" key={r}>
              <input
                type="radio"
                id={`${fieldId('relationship')}-${r}`}
                name="relationship"
                value={r}
                checked={relationship === r}
                onChange={() => set('relationship', r)}
              />
              <label htmlFor={`${fieldId('relationship')}-${r}`}>{COPY_RELATIONSHIP_LABELS[r][locale]}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="form-section">
        <legend>{m.apply.form}</legend>
        {text('person.surname', true)}
        {text('person.name', true)}
        {text('person.patronymic')}
        {date('person.birthDate', true)}
        {kind === 'DEATH' && date('deathDate', true)}
        {text('registration.office')}
        {text('registration.number')}
        {date('registration.date')}
        {service === 'EXTRACT' && text('purpose', true)}
      </fieldset>
    </>
  );
}
