import { Anchor, Badge, Box, Flex, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { FIELD_LABELS, FIELD_OVERRIDES, formatDate, toLatin, toRussianCyrillic } from '@sabt/core';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { STATUS_COLORS } from '../../../components/record-badges.tsx';
import type { ActKind } from '../../../lib/act-kinds.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import type { HitSpouse, SearchHit } from '../api.ts';
import type { SearchMessages } from '../messages.ts';
import { useSearchMessages } from '../messages.ts';
import { describeReasons } from '../reasons.ts';

const CYRILLIC = /\p{Script=Cyrillic}/u;

const fullName = (p: { surname: string | null; name: string | null; patronymic: string | null }) =>
  [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

/** Names are mostly Tajik Cyrillic: say so, so a screen reader in another language reads them right. */
const nameLang = (name: string) => (CYRILLIC.test(name) ? 'tg' : undefined);

/** The ranked hits, best first; each opens its record, and offers `action` where one is given. */
export function ResultList({
  items,
  kinds,
  busy,
  action,
}: {
  items: SearchHit[];
  kinds: ActKind[] | undefined;
  busy: boolean;
  /** What may be done with a hit where the list is used to pick one (a button). */
  action?: ((hit: SearchHit) => ReactNode) | undefined;
}) {
  return (
    <Box
      component="ol"
      p={0}
      m={0}
      aria-busy={busy}
      style={{ listStyle: 'none', opacity: busy ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      <Stack gap="xs">
        {items.map((hit, i) => (
          <ResultRow key={hit.id} hit={hit} rank={i + 1} kinds={kinds} action={action} />
        ))}
      </Stack>
    </Box>
  );
}

function ResultRow({
  hit,
  rank,
  kinds,
  action,
}: {
  hit: SearchHit;
  rank: number;
  kinds: ActKind[] | undefined;
  action?: ((hit: SearchHit) => ReactNode) | undefined;
}) {
  const m = useSearchMessages();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const kind = kinds?.find((k) => k.code === hit.kind)?.labels[lang] ?? hit.kind;
  // a marriage or divorce is about two people: both are named, husband first
  const name = hit.spouses ? hit.spouses.map(fullName).filter(Boolean).join(' — ') : fullName(hit);
  const sealed = !name && hit.flags.includes('sealed');
  const to = `/records/${hit.id}`;
  const pct = Math.round(Math.max(0, Math.min(1, hit.score)) * 100);
  const reasons = describeReasons(hit.reasons, m);

  const open = (e: MouseEvent<HTMLElement>) => {
    // links and buttons do their own thing; selecting text (to copy a number) is not a click
    if ((e.target as HTMLElement).closest('a, button')) return;
    if (globalThis.getSelection?.()?.toString()) return;
    void navigate(to);
  };

  return (
    <Paper component="li" withBorder p="sm" radius="sm" className="sabt-row" onClick={open}>
      <Flex direction={{ base: 'column', sm: 'row' }} gap={{ base: 'xs', sm: 'lg' }}>
        <Box style={{ flex: '1 1 auto', minWidth: 0 }}>
          <Group gap={6} align="baseline" wrap="nowrap">
            <Text c="dimmed" fw={600} aria-hidden="true" style={{ minWidth: '1.6em' }}>
              {rank}.
            </Text>
            <Box style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={to}
                fw={700}
                fz="lg"
                c={name ? undefined : 'dimmed'}
                lang={nameLang(name)}
              >
                {name || (sealed ? m.sealedName : m.noName)}
              </Anchor>
              {name && <OtherScripts name={name} m={m} />}
            </Box>
          </Group>
          <Box pl="calc(1.6em + 6px)">
            {hit.spouses ? (
              <Spouses kind={hit.kind} spouses={hit.spouses} m={m} />
            ) : (
              <Matched hit={hit} m={m} />
            )}
            <Group gap={6} mt={6} wrap="wrap">
              <Badge variant="filled" color="gray.7" radius="sm" tt="none" size="lg" fw={600}>
                {kind}
              </Badge>
              <Badge color={STATUS_COLORS[hit.status]} variant="light" radius="sm" tt="none" size="lg">
                {t(`status.${hit.status}`)}
              </Badge>
              {hit.flags.map((f) => (
                <Badge key={f} color="gray" variant="outline" radius="sm" tt="none" size="lg" fw={500}>
                  {t(`flag.${f}` as 'flag.rejected', { defaultValue: m.flags[f] ?? m.reasons.other })}
                </Badge>
              ))}
            </Group>
            <Box
              component="dl"
              m={0}
              mt={8}
              style={{ display: 'flex', flexWrap: 'wrap', columnGap: '1.5rem', rowGap: 4 }}
            >
              {hit.birthDate && <Fact label={m.born}>{formatDate(hit.birthDate)}</Fact>}
              {hit.eventDate && hit.eventDate !== hit.birthDate && (
                <Fact label={m.event}>{formatDate(hit.eventDate)}</Fact>
              )}
              {hit.number !== null && (
                <Fact label={FIELD_LABELS.recordNumber[lang]}>
                  № {hit.number}
                  {hit.year ? ` / ${hit.year}` : ''}
                </Fact>
              )}
              {hit.nationalId && (
                <Fact label={m.nationalId}>
                  <span style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: '0.02em' }}>
                    {hit.nationalId}
                  </span>
                </Fact>
              )}
            </Box>
            {action && <Box mt={8}>{action(hit)}</Box>}
          </Box>
        </Box>
        <Box
          w={{ base: '100%', sm: 240, lg: 300 }}
          style={{ flex: 'none' }}
          pl={{ base: 'calc(1.6em + 6px)', sm: 0 }}
        >
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="sm" c="dimmed">
              {m.match}
            </Text>
            <Text size="sm" fw={700}>
              {pct}%
            </Text>
          </Group>
          <Progress
            value={pct}
            size="md"
            color={pct >= 90 ? 'teal' : pct >= 75 ? 'yellow.6' : 'orange'}
            aria-label={m.matchOf(pct)}
          />
          {reasons.length > 0 && (
            <List size="sm" mt={6} spacing={2} aria-label={m.why}>
              {reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          )}
        </Box>
      </Flex>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} fw={500} style={{ whiteSpace: 'nowrap' }}>
        {children}
      </Text>
    </Box>
  );
}

/** The name in Latin letters and in Russian spelling, as a hint for names heard or written otherwise. */
function OtherScripts({ name, m }: { name: string; m: SearchMessages }) {
  if (!CYRILLIC.test(name)) return null;
  const latin = toLatin(name);
  const russian = toRussianCyrillic(name);
  const forms: ReactNode[] = [];
  if (latin !== name)
    forms.push(
      <span key="latin">
        <span className="sabt-visually-hidden">{m.latin}: </span>
        <span lang="tg-Latn" title={m.latin}>
          {latin}
        </span>
      </span>,
    );
  if (russian !== name)
    forms.push(
      <span key="russian">
        {forms.length > 0 && <span aria-hidden="true"> · </span>}
        <span className="sabt-visually-hidden">{m.russian}: </span>
        <span lang="ru" title={m.russian}>
          {russian}
        </span>
      </span>,
    );
  if (forms.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {forms}
    </Text>
  );
}

/** Who was matched, when it is not the person the record is about under their present name. */
function Matched({ hit, m }: { hit: SearchHit; m: SearchMessages }) {
  const p = hit.matched;
  if (!p) return null;
  const name = fullName(p);
  const asSomeoneElse = p.role !== 'subject' && p.role !== 'spouse';
  if (!asSomeoneElse && !p.historical && name === fullName(hit)) return null;
  if (!name) return null;
  const role = (m.roles as Record<string, string | undefined>)[p.role];
  const label = p.historical ? m.foundEarlier : asSomeoneElse && role ? m.foundAs(role) : m.foundName;
  return (
    <Text size="sm" mt={4}>
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      <Text span fw={600} lang={nameLang(name)}>
        {name}
      </Text>
      {p.birthDate && asSomeoneElse && (
        <Text span c="dimmed">
          {' '}
          ({m.born.toLowerCase()} {formatDate(p.birthDate)})
        </Text>
      )}
    </Text>
  );
}

/**
 * Both spouses of a marriage or divorce, each under its role (husband, wife; former ones for a
 * divorce), with the surname borne before the act; the one the search matched is marked, and how.
 */
function Spouses({ kind, spouses, m }: { kind: string; spouses: HitSpouse[]; m: SearchMessages }) {
  const lang = currentLanguage();
  return (
    <Box component="ul" p={0} m={0} mt={4} style={{ listStyle: 'none' }} aria-label={m.spouses}>
      {spouses.map((s) => {
        const name = fullName(s);
        const role = (FIELD_OVERRIDES[`${kind}:${s.side}`] ?? FIELD_LABELS[s.side])[lang];
        return (
          <Text component="li" key={s.side} size="sm" data-matched={s.matched ?? undefined}>
            <Text span c="dimmed">
              {role}:{' '}
            </Text>
            <Text span fw={s.matched ? 700 : 500} lang={nameLang(name)}>
              {name || m.noName}
            </Text>
            {s.earlierSurname && (
              <Text span c="dimmed" lang={nameLang(s.earlierSurname)}>
                {' '}
                ({m.earlierSurname(s.earlierSurname)})
              </Text>
            )}
            {s.matched && ' '}
            {s.matched && (
              <Badge ml={6} color="teal" variant="light" radius="sm" tt="none" size="sm">
                {m.spouseMatched[s.matched]}
              </Badge>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
