import { parseArgs } from 'node:util';
import { isLocale, type Locale, ROLES, t } from '@sabt/core';
import { buildApp } from '../app.ts';
import { AUDIT_HELP, auditAnchorCommand, auditVerifyCommand } from '../audit/cli.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { isTwoFactorRequired } from '../auth/two-factor.ts';
import { createUser, UserInputError } from '../auth/users.ts';
import { BACKUP_HELP, backupCommand, restoreCommand } from '../backup/cli.ts';
import { createKeys, listKeys, rotateOfficeKeys } from '../certificates/keys/key-store.ts';
import { type Config, loadConfig, productionProblems, variablesHelp } from '../config.ts';
import { connect } from '../db/connect.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../demo/demo-data.ts';
import { loadDemoRegistry } from '../demo/demo-registry.ts';
import { scanDuplicates } from '../duplicates/scan.ts';
import { DomainError } from '../errors/domain-error.ts';
import { REGISTRY } from '../job-registry.ts';
import { JOBS_HELP, jobsCommand, workerCommand } from '../jobs/cli.ts';
import { type JobsRuntime, startJobs } from '../jobs/runtime.ts';
import { notificationsCommand } from '../notifications/cli.ts';
import { prepareDatabase } from '../prepare.ts';
import { recountRecords } from '../queries/record-counts.ts';
import { openFileStore } from '../storage/open-store.ts';
import { type PasswordInput, readNewPassword } from './read-password.ts';

const HELP = `sabt — civil registration system

Usage:
  sabt start [--demo]          run the server (migrates first; --demo loads demo offices and users,
                               and once per database a demo registry: records, blanks, queues);
                               serves /health, /ready and, with SABT_METRICS_TOKEN, /metrics
  sabt migrate                 apply database migrations and the national office tree
  sabt users create --login L --role R --office O [--name "Full Name"] [--lang tg|ru|en]
                               create a user (the first administrator, for example); the password
                               is asked twice at a terminal, or read from the first line of
                               standard input (never an argument): at least 12 characters, at most
                               128, not a common password, not containing the login
${AUDIT_HELP}
  sabt duplicates scan [--kind BIRTH]
                               look for duplicates across the whole registry and flag them for review
  sabt records recount         rebuild the queue and list counters from the records (writes wait
                               meanwhile) and name every counter that was wrong
  sabt keys create [--office O]
                               Sabt's root CA (when missing) and keys for every office without them
                               (PDF-signing X.509 certificate + Ed25519 QR key); private keys are
                               encrypted with SABT_KEY_PASSPHRASE
  sabt keys rotate --office O  new keys for an office; the old ones are retired, kept for checks
  sabt keys list               every key: id, office, algorithm, status, validity
  sabt notifications list [--failed] [--limit 50]
                               the latest e-mails and SMS: status, attempts, last error
  sabt notifications test --to ADDRESS|+PHONE [--lang tg|ru|en]
                               send the operator's test message now through the configured channel
${JOBS_HELP}
${BACKUP_HELP}
  sabt --help                  this text

Roles: ${ROLES.join(', ')}

Environment:
${variablesHelp()}
`;

async function openDb(config: Config) {
  const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(dbx.db, { files: openFileStore(config.files) });
  return dbx;
}

async function start(config: Config, demo: boolean) {
  const missing = productionProblems({ ...config, demo });
  if (missing.length > 0) throw new Error(`refusing to start:\n  ${missing.join('\n  ')}`);
  if (!demo && !process.env.SABT_KEY_PASSPHRASE) {
    console.warn('warning: SABT_KEY_PASSPHRASE is not set: signing keys use the development passphrase');
  }
  const files = openFileStore(config.files);
  const dbx = await connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    readUrl: config.databaseReadUrl,
    readMaxLagSeconds: config.readMaxLagSeconds,
  });
  await prepareDatabase(dbx.db, { files });
  if (demo) await loadDemoData(dbx.db);
  // The job runtime runs here unless SABT_JOBS=off; SIGTERM lets running jobs finish (or releases them).
  let jobs: JobsRuntime | null = null;
  const app = await buildApp({
    config,
    dbx,
    files,
    logger: true,
    // /ready counts the runtime once it has started (not before, and not with SABT_JOBS=off)
    jobs: config.jobs ? () => jobs : undefined,
  });
  if (demo) {
    // Once per database: a few thousand records, blanks, work in every queue (demo/demo-registry.ts).
    const loaded = await loadDemoRegistry(app, dbx);
    if (loaded.loaded)
      console.log(
        `Demo registry: ${loaded.records.toLocaleString('en')} records loaded in ${loaded.seconds.toFixed(1)} s`,
      );
  }
  const close = async () => {
    await app.close();
    await jobs?.stop();
    await dbx.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  if (config.jobs) jobs = await startJobs({ dbx, config, registry: REGISTRY, log: app.log });
  const where = config.databaseUrl
    ? `PostgreSQL${dbx.replica ? `, the reads that may lag from its replica (${dbx.replica.status().state})` : ''}`
    : `PGlite in ${config.dataDir}`;
  const kept =
    config.files.store === 's3'
      ? `S3 bucket ${config.files.s3.bucket}`
      : config.files.store === 'memory'
        ? 'memory'
        : config.files.dir;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`\nSabt is running on http://${shown}:${config.port} (${where}; files in ${kept})`);
  console.log(`API docs: http://${shown}:${config.port}/api/docs`);
  console.log(`Public certificate check: ${config.publicUrl}/verify (printed on certificates)`);
  if (demo) {
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS)
      console.log(
        `  ${u.login.padEnd(13)} ${u.role.padEnd(15)} ${u.officeId}  ${u.fullName}${isTwoFactorRequired(config, u.role) ? '  (two-factor)' : ''}`,
      );
    if (config.twoFactor.requiredRoles.length > 0)
      console.log(
        '"two-factor": at the first sign-in, scan the QR code shown with an authenticator app (or type its key),\n' +
          "then sign in with the password and the app's six-digit code (SABT_2FA_ROLES).",
      );
  }
}

/** The language of the CLI's messages: --lang, else the locale's (LANG), else English. */
function cliLocale(lang: string | undefined): Locale {
  const wanted = lang ?? process.env.LANG?.slice(0, 2);
  return wanted && isLocale(wanted) ? wanted : 'en';
}

const PASSWORD_PROMPTS: Record<Locale, { first: string; again: string }> = {
  tg: { first: 'Пароли нав: ', again: 'Паролро такрор кунед: ' },
  ru: { first: 'Новый пароль: ', again: 'Повторите пароль: ' },
  en: { first: 'New password: ', again: 'Repeat the password: ' },
};

const PASSWORD_ARGUMENT: Record<Locale, string> = {
  tg: '--password қабул намешавад: парол дар ps ва таърихи фармонҳо намоён мешавад. Онро ҳангоми пурсиш ворид кунед ё ба воридоти стандартӣ диҳед.',
  ru: '--password не принимается: пароль виден в ps и в истории команд. Введите его по запросу или передайте на стандартный ввод.',
  en: '--password is not accepted: the password would show in ps and the shell history. Type it when asked, or give it on standard input.',
};

export async function main(
  argv: string[],
  io: PasswordInput = { stdin: process.stdin, stderr: process.stderr },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      login: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      office: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      failed: { type: 'boolean' },
      limit: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      anchors: { type: 'string' },
      'public-key': { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const [command, sub] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      await start(config, values.demo === true || config.demo);
      return -1;
    case 'migrate': {
      const dbx = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      const res = await prepareDatabase(dbx.db, { files: openFileStore(config.files) });
      await dbx.close();
      console.log(
        `migrations applied: ${res.migrations.length ? res.migrations.join(', ') : 'none (up to date)'}; offices added: ${res.offices}` +
          (res.certificatePdfsMoved
            ? `; certificate PDFs moved to the file store: ${res.certificatePdfsMoved}`
            : ''),
      );
      return 0;
    }
    case 'users': {
      if (sub !== 'create') break;
      const locale = cliLocale(values.lang);
      if (values.password !== undefined) {
        console.error(PASSWORD_ARGUMENT[locale]);
        return 2;
      }
      const missing = ['login', 'role', 'office'].filter((k) => !values[k as keyof typeof values]);
      if (missing.length) {
        console.error(`missing: ${missing.map((m) => `--${m}`).join(' ')}`);
        return 2;
      }
      const password = await readNewPassword(io, PASSWORD_PROMPTS[locale]);
      if (password === null) {
        console.error(t('password.mismatch', locale));
        return 2;
      }
      // said before the database is opened: a refused password changes nothing
      const weak = await passwordProblem(password, values.login!);
      if (weak) {
        console.error(t(weak.key, locale, weak.params));
        return 2;
      }
      const dbx = await openDb(config);
      try {
        await createUser(dbx.db, {
          login: values.login!,
          password,
          role: values.role as never,
          officeId: values.office!,
          fullName: values.name ?? values.login!,
        });
        console.log(`user ${values.login} created (${values.role} at ${values.office})`);
        return 0;
      } catch (e) {
        if (e instanceof UserInputError) {
          console.error(e.key ? t(e.key, locale, e.params) : e.message);
          return 2;
        }
        throw e;
      } finally {
        await dbx.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify' && sub !== 'anchor') break;
      const dbx = await openDb(config);
      try {
        return sub === 'anchor'
          ? await auditAnchorCommand(dbx.db, config)
          : await auditVerifyCommand(dbx.db, config, {
              anchors: values.anchors,
              publicKey: values['public-key'],
            });
      } finally {
        await dbx.close();
      }
    }
    case 'keys': {
      if (sub !== 'create' && sub !== 'rotate' && sub !== 'list') break;
      if (sub === 'rotate' && !values.office) {
        console.error('missing: --office');
        return 2;
      }
      const dbx = await openDb(config);
      try {
        if (sub === 'create') {
          const res = await createKeys(dbx.db, config, { officeId: values.office });
          console.log(
            `root CA: ${res.root}; keys created for: ${res.created.length ? res.created.join(', ') : 'none (all offices have keys)'}`,
          );
        } else if (sub === 'rotate') {
          const res = await rotateOfficeKeys(dbx.db, config, values.office!);
          console.log(
            `office ${values.office}: new keys (generation ${res.generation}); retired: ${res.retired.join(', ') || 'none'}`,
          );
        } else {
          const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '—');
          for (const k of await listKeys(dbx.db)) {
            console.log(
              [
                k.id.padEnd(16),
                k.purpose.padEnd(12),
                (k.office_id ?? '—').padEnd(9),
                k.algorithm.padEnd(9),
                k.status.padEnd(8),
                `${day(k.valid_from)} … ${day(k.valid_to)}`,
              ].join(' '),
            );
          }
        }
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          console.error(t(e.key, 'en', e.params));
          return 1;
        }
        throw e;
      } finally {
        await dbx.close();
      }
    }
    case 'notifications': {
      if (sub !== 'list' && sub !== 'test') break;
      const dbx = await openDb(config);
      try {
        return await notificationsCommand(dbx.db, config, sub, values);
      } finally {
        await dbx.close();
      }
    }
    case 'worker':
      return workerCommand(config, openDb, REGISTRY);
    case 'jobs':
      return jobsCommand(config, openDb, { sub, id: positionals[2] });
    case 'backup':
      return backupCommand(config, openFileStore(config.files), positionals.slice(1));
    case 'restore':
      return restoreCommand(config, openFileStore(config.files), positionals.slice(1), values.force === true);
    case 'records': {
      if (sub !== 'recount') break;
      const dbx = await openDb(config);
      try {
        const fixes = await recountRecords(dbx.db);
        for (const f of fixes)
          console.log(`${f.officeId} ${f.kind} ${f.status} ${f.flag || '(all)'}: ${f.was} → ${f.is}`);
        console.log(`${fixes.length} counters corrected`);
        return 0;
      } finally {
        await dbx.close();
      }
    }
    case 'duplicates': {
      if (sub !== 'scan') break;
      const dbx = await openDb(config);
      try {
        const results = await scanDuplicates(dbx.db, {
          kind: values.kind,
          onProgress: (kind, done, total) => process.stderr.write(`\r${kind}: ${done}/${total} pairs`),
        });
        for (const r of results)
          console.log(
            `${r.kind}: ${r.pairsCompared} pairs compared, ${r.duplicates} possible duplicates flagged`,
          );
        return 0;
      } finally {
        await dbx.close();
      }
    }
  }
  console.error(`unknown command: ${positionals.join(' ')}\n`);
  process.stdout.write(HELP);
  return 2;
}

const isEntry =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
