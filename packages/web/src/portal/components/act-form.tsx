import { ADMIN_UNITS, ID_DOCUMENT_TYPE_LABELS, ID_DOCUMENT_TYPES, type Locale, REGIONS } from '@sabt/core';
import type { ReactNode } from 'react';
import { COUNTRIES } from '../../features/forms/catalogue/countries.ts';
import type { Catalogue, Field, Values } from '../../features/forms/lib/catalogue-types.ts';
import { dateTextToValue, dateValueToText } from '../../features/forms/lib/date-text.ts';
import { partLabel } from '../../features/forms/lib/field-labels.ts';
import { visible } from '../../features/forms/lib/form-model.ts';
import { getAt, join, setAt } from '../../features/forms/lib/paths.ts';
import { useLocale } from '../lib/i18n.tsx';

/**
 * An act kind's form as the citizen fills it in: the staff forms' catalogue (the same sections,
 * fields, labels and conditions, features/forms/catalogue) drawn with the portal's plain inputs.
 * Look-ups of other records are the clerk's: they are left to the office. Values are kept as the
 * staff form keeps them, and `toData` (features/forms/lib/form-model.ts) makes the record's data.
 */
export function ActForm({
  catalogue,
  values,
  onChange,
  invalid,
}: {
  catalogue: Catalogue;
  values: Values;
  onChange: (values: Values) => void;
  /** Paths the server refused (data paths, without `data.`). */
  invalid: ReadonlySet<string>;
}) {
  const { locale } = useLocale();
  const ctx: Ctx = {
    values,
    locale,
    invalid,
    set: (path, value) => onChange(setAt(values, path, value)),
  };
  return (
    <>
      {catalogue.sections
        .filter((s) => visible(s, values))
        .map((s) => (
          <fieldset key={s.id} className="form-section">
            <legend>{s.title[locale]}</legend>
            {s.hint && <p className="hint">{s.hint[locale]}</p>}
            {s.fields.map((f) => (
              <FieldInput key={f.path} field={f} prefix="" ctx={ctx} />
            ))}
          </fieldset>
        ))}
    </>
  );
}

interface Ctx {
  values: Values;
  locale: Locale;
  invalid: ReadonlySet<string>;
  set(path: string, value: unknown): void;
}

export const fieldId = (path: string) => `f-${path.replaceAll('.', '-')}`;
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function Frame({
  path,
  label,
  hint,
  required,
  children,
  ctx,
}: {
  path: string;
  label: string;
  hint?: string | undefined;
  required?: boolean | undefined;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  ctx: Ctx;
}) {
  const id = fieldId(path);
  const bad = ctx.invalid.has(path);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? ' *' : ''}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({
        id,
        ...(bad ? { 'aria-invalid': true as const } : {}),
        ...(hint ? { 'aria-describedby': `${id}-hint` } : {}),
      })}
    </div>
  );
}

function TextInput({
  path,
  label,
  hint,
  required,
  ctx,
  date,
}: {
  path: string;
  label: string;
  hint?: string | undefined;
  required?: boolean | undefined;
  ctx: Ctx;
  date?: 'full' | 'partial' | undefined;
}) {
  const value = getAt(ctx.values, path);
  return (
    <Frame
      path={path}
      label={label}
      hint={hint ?? (date ? 'dd.mm.yyyy' : undefined)}
      required={required}
      ctx={ctx}
    >
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode={date ? 'numeric' : undefined}
          value={date ? dateValueToText(value) : text(value)}
          onChange={(e) => {
            const t = e.currentTarget.value;
            ctx.set(path, date ? dateTextToValue(t, date === 'partial') : t === '' ? undefined : t);
          }}
        />
      )}
    </Frame>
  );
}

function Select({
  path,
  label,
  required,
  options,
  ctx,
  hint,
}: {
  path: string;
  label: string;
  required?: boolean | undefined;
  options: { value: string; label: string }[];
  ctx: Ctx;
  hint?: string | undefined;
}) {
  const { m } = useLocale();
  return (
    <Frame path={path} label={label} required={required} ctx={ctx} hint={hint}>
      {(p) => (
        <select
          {...p}
          value={text(getAt(ctx.values, path))}
          onChange={(e) => ctx.set(path, e.currentTarget.value || undefined)}
        >
          <option value="">{m.apply.choose}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Frame>
  );
}

function FieldInput({ field: f, prefix, ctx }: { field: Field; prefix: string; ctx: Ctx }) {
  const { m } = useLocale();
  if (!visible(f, ctx.values)) return null;
  const path = join(prefix, f.path);
  const label = f.label[ctx.locale];
  const hint = f.hint?.[ctx.locale];
  switch (f.type) {
    case 'text':
    case 'time':
      return <TextInput path={path} label={label} hint={hint} required={f.required} ctx={ctx} />;
    case 'date':
      return <TextInput path={path} label={label} hint={hint} required={f.required} ctx={ctx} date="full" />;
    case 'partialDate':
      return (
        <TextInput path={path} label={label} hint={hint} required={f.required} ctx={ctx} date="partial" />
      );
    case 'select':
      return (
        <Select
          path={path}
          label={label}
          hint={hint}
          required={f.required}
          ctx={ctx}
          options={f.options.map((o) => ({ value: o.value, label: o.label[ctx.locale] }))}
        />
      );
    case 'country':
      return (
        <Select
          path={path}
          label={label}
          required={f.required}
          ctx={ctx}
          options={COUNTRIES.map((c) => ({ value: c.code, label: c.name[ctx.locale] }))}
        />
      );
    case 'checkbox': {
      const v = getAt(ctx.values, path);
      const id = fieldId(path);
      return (
        <div className="field check">
          <input
            id={id}
            type="checkbox"
            checked={typeof v === 'boolean' ? v : f.default}
            onChange={(e) => ctx.set(path, e.currentTarget.checked)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      );
    }
    case 'yesno': {
      const v = getAt(ctx.values, path);
      return (
        <Frame path={path} label={label} hint={hint} required={f.required} ctx={ctx}>
          {(p) => (
            <select
              {...p}
              value={v === true ? 'yes' : v === false ? 'no' : ''}
              onChange={(e) => {
                const c = e.currentTarget.value;
                ctx.set(path, c === 'yes' ? true : c === 'no' ? false : undefined);
              }}
            >
              <option value="">{m.apply.choose}</option>
              <option value="yes">{m.apply.yes}</option>
              <option value="no">{m.apply.no}</option>
            </select>
          )}
        </Frame>
      );
    }
    case 'number': {
      const v = getAt(ctx.values, path);
      return (
        <Frame path={path} label={label} hint={hint} required={f.required} ctx={ctx}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={f.min}
              max={f.max}
              value={typeof v === 'number' ? v : text(v) || (f.default ?? '')}
              onChange={(e) => {
                const t = e.currentTarget.value;
                ctx.set(path, t === '' ? undefined : Number.isFinite(Number(t)) ? Number(t) : t);
              }}
            />
          )}
        </Frame>
      );
    }
    case 'place':
      return <PlaceInput path={path} label={label} ctx={ctx} />;
    case 'document':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          <Select
            path={`${path}.type`}
            label={partLabel('document', 'type')[ctx.locale]}
            ctx={ctx}
            options={ID_DOCUMENT_TYPES.map((t) => ({
              value: t,
              label: ID_DOCUMENT_TYPE_LABELS[t][ctx.locale],
            }))}
          />
          {(['series', 'number', 'issuer'] as const).map((part) => (
            <TextInput
              key={part}
              path={`${path}.${part}`}
              label={partLabel('document', part)[ctx.locale]}
              ctx={ctx}
            />
          ))}
          <TextInput
            path={`${path}.issueDate`}
            label={partLabel('document', 'issueDate')[ctx.locale]}
            ctx={ctx}
            date="full"
          />
        </fieldset>
      );
    case 'court':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          <TextInput path={`${path}.court`} label={partLabel('court', 'court')[ctx.locale]} ctx={ctx} />
          <TextInput
            path={`${path}.caseNumber`}
            label={partLabel('court', 'caseNumber')[ctx.locale]}
            ctx={ctx}
          />
          <TextInput
            path={`${path}.date`}
            label={partLabel('court', 'date')[ctx.locale]}
            ctx={ctx}
            date="full"
          />
          <TextInput
            path={`${path}.inForceDate`}
            label={partLabel('court', 'inForceDate')[ctx.locale]}
            ctx={ctx}
            date="full"
          />
        </fieldset>
      );
    case 'lookup':
    case 'recordList':
      // finding another record in the registry is the clerk's part
      return (
        <p className="field hint">
          {label}: {m.apply.staffOnly}
        </p>
      );
    case 'list': {
      const rows = getAt(ctx.values, path);
      const count = Math.max(1, Array.isArray(rows) ? rows.length : 0);
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          {Array.from({ length: count }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position in the list
            <fieldset key={i} className="group">
              <legend>
                {f.itemLabel[ctx.locale]} {i + 1}
              </legend>
              {f.item.map((item) => (
                <FieldInput key={item.path} field={item} prefix={`${path}.${i}`} ctx={ctx} />
              ))}
              {count > 1 && (
                <button
                  type="button"
                  onClick={() =>
                    ctx.set(
                      path,
                      (Array.isArray(rows) ? rows : []).filter((_, j) => j !== i),
                    )
                  }
                >
                  {m.apply.remove}
                </button>
              )}
            </fieldset>
          ))}
          {count < f.max && (
            <button
              type="button"
              onClick={() =>
                ctx.set(path, [...(Array.isArray(rows) ? rows : [{}]), f.newItem?.(count) ?? {}])
              }
            >
              {f.addLabel[ctx.locale]}
            </button>
          )}
        </fieldset>
      );
    }
    case 'group':
      return (
        <fieldset className="group">
          <legend>{label}</legend>
          {f.fields.map((inner) => (
            <FieldInput key={inner.path} field={inner} prefix={prefix} ctx={ctx} />
          ))}
        </fieldset>
      );
  }
}

/** Country, then (in Tajikistan) region and district or city, settlement, address. */
function PlaceInput({ path, label, ctx }: { path: string; label: string; ctx: Ctx }) {
  const { m } = useLocale();
  const country = text(getAt(ctx.values, `${path}.country`)) || 'TJ';
  const unit = text(getAt(ctx.values, `${path}.unit`));
  const region = text(getAt(ctx.values, `${path}.region`)) || unit.slice(0, 2);
  const regionId = fieldId(`${path}.region`);
  return (
    <fieldset className="group">
      <legend>{label}</legend>
      <Select
        path={`${path}.country`}
        label={partLabel('place', 'country')[ctx.locale]}
        ctx={{ ...ctx, values: setAt(ctx.values, `${path}.country`, country) }}
        options={COUNTRIES.map((c) => ({ value: c.code, label: c.name[ctx.locale] }))}
      />
      {country === 'TJ' && (
        <div className="field">
          <label htmlFor={regionId}>{m.apply.region}</label>
          <select
            id={regionId}
            value={region}
            onChange={(e) => {
              const r = e.currentTarget.value;
              // the region is only a way to the district: kept beside the place, left out of the data
              ctx.set(path, {
                ...((getAt(ctx.values, path) as object) ?? {}),
                region: r || undefined,
                unit: undefined,
              });
            }}
          >
            <option value="">{m.apply.choose}</option>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r[ctx.locale]}
              </option>
            ))}
          </select>
        </div>
      )}
      {country === 'TJ' && (
        <Select
          path={`${path}.unit`}
          label={partLabel('place', 'unit')[ctx.locale]}
          ctx={ctx}
          options={ADMIN_UNITS.filter((u) => !region || u.region === region).map((u) => ({
            value: u.code,
            label: u[ctx.locale],
          }))}
        />
      )}
      <TextInput path={`${path}.settlement`} label={partLabel('place', 'settlement')[ctx.locale]} ctx={ctx} />
      <TextInput path={`${path}.address`} label={partLabel('place', 'address')[ctx.locale]} ctx={ctx} />
    </fieldset>
  );
}
