import { PageTitle } from '../components/page-title.tsx';
import { useCitizen } from '../lib/citizen.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { Link } from '../lib/router.tsx';

/** The portal's home: what a citizen can do here, each a link; the certificate check among them. */
export function HomePage() {
  const { m, locale } = useLocale();
  const { citizen } = useCitizen();
  const h = m.home;
  return (
    <>
      <PageTitle title={m.nav.home}>{h.title}</PageTitle>
      <p className="lead">{h.intro}</p>
      <ul className="cards">
        <li>
          <Link to="/services">{m.nav.services}</Link>
          <p>{h.servicesText}</p>
        </li>
        <li>
          <Link to="/fees">{m.nav.fees}</Link>
          <p>{h.feesText}</p>
        </li>
        <li>
          <Link to="/offices">{m.nav.offices}</Link>
          <p>{h.officesText}</p>
        </li>
        <li>
          <Link to="/apply">{m.nav.apply}</Link>
          <p>{h.applyText}</p>
        </li>
        <li>
          <Link to="/track">{m.nav.track}</Link>
          <p>{h.trackText}</p>
        </li>
        <li>
          <a href={`/verify?lang=${locale}`}>{m.nav.verify}</a>
          <p>{h.verifyText}</p>
        </li>
        <li>
          {citizen ? <Link to="/account">{m.nav.account}</Link> : <Link to="/sign-in">{m.nav.signIn}</Link>}
          <p>{citizen ? h.accountText : h.signInText}</p>
        </li>
      </ul>
    </>
  );
}
