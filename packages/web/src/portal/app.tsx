import { LOCALES, type Locale } from '@sabt/core';
import { lazy, Suspense } from 'react';
import { NotFound } from './components/page-title.tsx';
import { CitizenProvider, useCitizen } from './lib/citizen.tsx';
import { LocaleProvider, useLocale } from './lib/i18n.tsx';
import { Link, Router, useLocation } from './lib/router.tsx';
import { HomePage } from './pages/home.tsx';

// Only the home page comes with the first screen; every other page is loaded when it is opened.
const ServicesPage = lazy(() => import('./pages/services.tsx'));
const ServicePage = lazy(() => import('./pages/service.tsx'));
const FeesPage = lazy(() => import('./pages/fees.tsx'));
const OfficesPage = lazy(() => import('./pages/offices.tsx'));
const SignInPage = lazy(() => import('./pages/sign-in.tsx'));
const AccountPage = lazy(() => import('./pages/account.tsx'));
const QuestionsPage = lazy(() => import('./pages/questions.tsx'));
const AskPage = lazy(() => import('./pages/ask.tsx'));
const QuestionPage = lazy(() => import('./pages/question.tsx'));
const ApplyPage = lazy(() => import('./pages/apply.tsx'));
const ApplicationPage = lazy(() => import('./pages/application.tsx'));
const TrackPage = lazy(() => import('./pages/track.tsx'));
const AppointmentsPage = lazy(() => import('./pages/appointments.tsx'));

const LANGUAGE_NAMES: Record<Locale, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };

export function Portal() {
  return (
    <LocaleProvider>
      <Router>
        <CitizenProvider>
          <Shell />
        </CitizenProvider>
      </Router>
    </LocaleProvider>
  );
}

function Shell() {
  const { m } = useLocale();
  return (
    <>
      <a className="skip" href="#main">
        {m.skipToContent}
      </a>
      <header className="site-header">
        <div className="wrap header-row">
          <Link to="/" className="brand">
            <span className="brand-name">{m.siteName}</span>
            <span className="brand-tagline">{m.siteTagline}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <Navigation />
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <Suspense fallback={<p role="status">{m.common.loading}</p>}>
          <Page />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="wrap">
          {m.footer} <a href="/">{m.staffLink}</a>
        </div>
      </footer>
    </>
  );
}

function LanguageSwitch() {
  const { locale, setLocale, m } = useLocale();
  return (
    <fieldset className="languages">
      <legend className="visually-hidden">{m.language}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => setLocale(l)}
          className="language"
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}

function Navigation() {
  const { m, locale } = useLocale();
  const { path } = useLocation();
  const { citizen } = useCitizen();
  const here = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  const item = (to: string, label: string) => (
    <li>
      <Link to={to} aria-current={here(to) ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={m.nav.label} className="site-nav">
      <ul className="wrap">
        {item('/', m.nav.home)}
        {item('/services', m.nav.services)}
        {item('/fees', m.nav.fees)}
        {item('/offices', m.nav.offices)}
        {item('/apply', m.nav.apply)}
        {item('/track', m.nav.track)}
        {item('/appointments', m.nav.appointments)}
        <li>
          <a href={`/verify?lang=${locale}`}>{m.nav.verify}</a>
        </li>
        {citizen && item('/questions', m.nav.questions)}
        {citizen ? item('/account', m.nav.account) : item('/sign-in', m.nav.signIn)}
      </ul>
    </nav>
  );
}

function Page() {
  const { path } = useLocation();
  if (path === '/') return <HomePage />;
  if (path === '/services') return <ServicesPage />;
  const service = /^\/services\/([a-z-]+)$/.exec(path);
  if (service) return <ServicePage slug={service[1]!} />;
  if (path === '/fees') return <FeesPage />;
  if (path === '/offices') return <OfficesPage />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/account') return <AccountPage />;
  if (path === '/questions') return <QuestionsPage />;
  if (path === '/questions/new') return <AskPage />;
  const question = /^\/questions\/([0-9a-f-]{36})$/.exec(path);
  if (question) return <QuestionPage id={question[1]!} />;
  if (path === '/apply') return <ApplyPage />;
  if (path === '/track') return <TrackPage />;
  const application = /^\/applications\/([0-9a-f-]{36})$/.exec(path);
  if (application) return <ApplicationPage id={application[1]!} />;
  if (path === '/appointments') return <AppointmentsPage />;
  return <NotFound />;
}
