import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// A private-use character, which no message contains, marks where each person-written value goes.
const MARK = '\uE000';

interface Props {
  /** The catalogue key of a sentence with `{name}`-style placeholders. */
  k: string;
  /** Person-written values (names, usernames): each shown inside its own <bdi>. */
  isolated: Readonly<Record<string, string>>;
  /** Other values (dates, counts), filled in as the message formats them. */
  values?: Readonly<Record<string, unknown>>;
}

/**
 * A translated sentence with person-written text inside it isolated in <bdi>, so a Latin name in an Arabic sentence
 * (or the reverse) keeps its own direction without reordering the words around it.
 */
export function BdiText({ k, isolated, values }: Props) {
  const { t } = useTranslation();
  const slots = Object.fromEntries(Object.keys(isolated).map((name) => [name, `${MARK}${name}${MARK}`]));
  const parts = t(k, { ...values, ...slots }).split(MARK);
  // Odd parts are slot names, even parts the message's own text.
  return parts.map((part, i): ReactNode =>
    i % 2 === 1 ? <bdi key={i}>{isolated[part]}</bdi> : <Fragment key={i}>{part}</Fragment>,
  );
}
