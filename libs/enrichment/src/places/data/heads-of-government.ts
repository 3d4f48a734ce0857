import { nameParts, nameTokens, samePerson } from '../../people/person-names';
import { fold } from '../../text/text-tokens';
import table from './heads-of-government.json';

/**
 * Sitting heads of state and government: "Putin said" is Russia speaking, as "the Kremlin said"
 * is. A person the text names who is one of them (same first name and surname, middles alike:
 * see samePerson) gives their country; so does a short form distinctive enough to stand alone.
 *
 * The table (heads-of-government.json, leaders by region) is as of its `asOf`. To update it:
 * change the entry of the country whose office changed hands (keep the predecessor's entry only
 * while the news still names them as leader), set `asOf` to the day the whole table was last
 * checked, and run the enrichment specs (heads-of-government.spec.ts checks that every name and
 * short form still reaches its country).
 * A former leader left in the table still points at the country they led, which is usually
 * right for news: a stale entry costs little, a missing one a country.
 */
export const LEADERS_AS_OF: string = table.asOf;

export interface Leader {
  /** ISO 3166-1 alpha-2 of the country led. */
  code: string;
  /** The office, in English: "President", "Prime Minister", "Emir". */
  office: string;
  /** Full names as the news writes them, the usual one first, then other spellings. */
  names: readonly string[];
  /**
   * Short forms that name the leader on their own in the news ("Putin", "Erdogan", "Xi"). Left
   * out when the surname is common or belongs to someone else in the news ("Lee", "Sharif",
   * "Herzog", "Sanchez").
   */
  alone?: readonly string[];
}

/** Every leader of the table, region after region, in the table's order. */
export const LEADERS: readonly Leader[] = Object.values(table.leaders).flat();

/** The office a ruling house's name stands for, in the gazetteer. */
export const RULING_FAMILY = 'ruling family';

/**
 * Ruling houses: anyone named "Al Thani" is of Qatar's ruling family, and the news names them
 * for Qatar. Written "Al Thani", "al-Thani" or "Al-Thani".
 */
export const RULING_FAMILIES: readonly { code: string; surname: string }[] = table.rulingFamilies;

/** How a ruling house's name is written: "Al Thani", "al-Thani" (tokenised alike). */
export function familyForms(surname: string): string[] {
  return [`Al ${surname}`, `al ${surname}`];
}

interface LeaderIndex {
  /** Leaders by folded, lower-case surname (the last token of their names). */
  bySurname: Map<string, Leader[]>;
  /** Each ruling house's name ("Al Thani"), by its folded, lower-case form ("al thani"). */
  families: Map<string, string>;
}

let index: LeaderIndex | undefined;

function leaderIndex(): LeaderIndex {
  if (index) return index;
  const bySurname = new Map<string, Leader[]>();
  for (const leader of LEADERS) {
    for (const name of leader.names) {
      const { last } = nameParts(name);
      const list = bySurname.get(last) ?? [];
      if (!list.includes(leader)) list.push(leader);
      bySurname.set(last, list);
    }
  }
  const families = new Map(
    RULING_FAMILIES.map(({ surname }) => [`al ${fold(surname).toLowerCase()}`, `Al ${surname}`]),
  );
  index = { bySurname, families };
  return index;
}

/**
 * The leader a full name (two words or more) is written for, if any: "Vladimir Vladimirovich
 * Putin" and "Tamim Benhamad Al Thani" are found; "Francesca Albanese" is not Anthony Albanese.
 */
export function leaderNamed(name: string): Leader | undefined {
  const { last, tokens } = nameParts(name);
  if (tokens.length < 2) return undefined;
  return leaderIndex()
    .bySurname.get(last)
    ?.find((leader) => leader.names.some((form) => samePerson(form, name)));
}

/** The ruling house a full name ends in: "Al Thani" for "Khalid bin Mohammed Al Thani". */
export function rulingFamilyOf(name: string): string | undefined {
  const tokens = nameTokens(fold(name).toLowerCase());
  if (tokens.length < 3) return undefined;
  return leaderIndex().families.get(tokens.slice(-2).join(' '));
}
