/** What the extension did on this page, in plain words, and the promise that nothing left the browser. */
import type { Analysis } from '../../lib/shared/contract';
import { formatDate, plural } from '../shared/format';
import { Section } from './Section';

export function Transparency(props: { analysis?: Analysis | undefined; headline: string; reasons?: readonly string[] | undefined }) {
  const a = props.analysis;
  const reasons = props.reasons ?? a?.cryptoSecurity.reasons ?? [];
  const named = a ? a.entities.filter((e) => !e.inferred).length : 0;
  const inferred = a ? a.entities.filter((e) => e.inferred).length : 0;
  return (
    <Section id="transparency" title="What the extension did on this page" class="transparency">
      <ul>
        <li>{props.headline}</li>
        {a ? (
          <li>
            Article check: {a.isArticle ? 'looks like an article' : 'not an article'}; crypto-security check:{' '}
            {a.cryptoSecurity.detected ? 'passed' : 'not passed'} (score {a.cryptoSecurity.score.toFixed(2)}).
          </li>
        ) : null}
        {reasons.length > 0 && (
          <li>
            The checks’ own words:
            <ul>
              {reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </li>
        )}
        {a ? (
          <li>
            Found {plural(named, 'name')} in the text{inferred ? ` and linked ${plural(inferred, 'more', 'more')} through the knowledge base` : ''};{' '}
            {plural(a.amounts.length, 'amount')}, {plural(a.addresses.length, 'address', 'addresses')}.
            {a.timingsMs.total ? ` Took ${Math.round(a.timingsMs.total)} ms.` : ''}
          </li>
        ) : null}
        {a?.kb ? (
          <li>
            Knowledge base version {a.kb.version}, data as of {formatDate(a.kb.asOf)}.
          </li>
        ) : null}
        <li>
          <strong>Nothing was sent anywhere.</strong> The page was read and analysed inside your browser; no text, address or
          reading history left it.
        </li>
      </ul>
    </Section>
  );
}
