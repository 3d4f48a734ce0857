import { normalizeText } from './text-normalizer';

export interface AuthorContext {
  /** The site's and publisher's names: an author by one of these names is no person. */
  publishers?: readonly (string | null | undefined)[];
}

/**
 * What a byline says before the names: "By", "Written by", "Analysis by" (up to three words and
 * "by"), the French, Spanish, Dutch and Russian kin, "Author:", an honorific ("Dr.").
 * (Lookaheads rather than `\b`, which only knows ASCII letters.)
 */
const BYLINE_PREFIX =
  /^(?:(?:\p{L}+\s+){0,3}?by|par|por|door|author|autor|auteur|автор|текст|mrs?|ms|dr|prof)\.?(?=[\s:]|$)\s*:?\s*/iu;

/**
 * German "Von", but not the particle that starts a name ("von der Leyen"): a capital must follow.
 * Apart from BYLINE_PREFIX because under the `i` flag `\p{Lu}` matches lower case too.
 */
const VON_PREFIX = /^[Vv]on\s+(?=\p{Lu})/u;

/** "and 3 others", "+2 more": a count of the names a byline left out. */
const MORE_AUTHORS = /\s*(?:,|\band\b|&|\+)\s*\d+\s+(?:others?|more)\b.*$/iu;

/**
 * Where a byline stops naming people and starts dating the article: a dateline word, a digit
 * (no name has one), or a weekday. A month name only counts before a digit, since April, May
 * and June are first names too.
 */
const DATELINE_START =
  /\b(?:updated|published|posted|last modified|modified|yesterday|ago|follow)\b|\btoday(?=\s*(?:at\s*)?\d)|\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d/iu;

/**
 * An e-mail address, from the start of a run of the characters it may hold. The lookbehind keeps
 * the search linear: without it the search started again at every character of such a run, and
 * the run's own `@`s gave the two parts room to trade characters (8 KB of `a@a@…` took 45 s).
 */
const EMAIL = /(?<![^\s()<>])[^\s()<>@]+@[^\s()<>@]+\.[a-z]{2,}/giu;
const HANDLE = /(^|[\s(])@[\w.]+/gu;

/**
 * "Jane Doe | Valley Herald", "Jane Doe – Staff", "Jane Doe. Sputnik": what follows is a site or
 * a role. A full stop counts after a word of two lower-case letters or more, not after an
 * initial ("Bruce Y. Lee").
 */
const SECTION_BREAK = /\s+[|•·]\s*|\s*[|•·]\s+|\s+[–—-]\s+|(?<=\p{Ll}{2})\.\s+(?=\p{Lu})/u;

/** A byline longer than this is a paragraph that happens to sit in author markup. */
const MAX_BYLINE_CHARS = 120;

/**
 * An author field longer than this names nobody, and is refused before any pattern reads it: a
 * byline of MAX_BYLINE_CHARS with e-mail addresses, handles, a dateline and markup's whitespace
 * around it stays well under it, and every pattern below costs time in the field's length.
 */
export const MAX_AUTHOR_FIELD_CHARS = 1_000;

/** Lower-case words a name may hold ("Ursula von der Leyen", "Tamim bin Hamad al-Thani"). */
const PARTICLES = new Set([
  'af',
  'al',
  'av',
  'bin',
  'binti',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);

/** Degrees and credentials after a name: "Ilana Muhlstein, MS, RDN". */
const CREDENTIALS = new Set([
  'ba',
  'bs',
  'bsc',
  'cfa',
  'cpa',
  'dds',
  'esq',
  'jd',
  'ma',
  'mba',
  'md',
  'mph',
  'ms',
  'msc',
  'phd',
  'rd',
  'rdn',
  'rn',
]);

/** Several people in one byline: "A and B", "A & B", "A; B", "A und B", "A et B". */
const AUTHOR_BREAK = /\s*;\s*|\s+&\s+|\s+(?:and|und|et)\s+/iu;

/** "Jane Doe for Reuters", "Jane Doe in Moscow": an affiliation or a place after the name. */
const TRAILING_AFFILIATION = /\s+(?:for|at|in|from)\s+\p{Lu}.*$/u;

/** Words that name a job, not a person: a title in a byline ends with one. */
const ROLE_NOUNS = new Set([
  'analyst',
  'anchor',
  'author',
  'board',
  'bureau',
  'columnist',
  'commentator',
  'contributor',
  'contributors',
  'correspondent',
  'correspondents',
  'critic',
  'desk',
  'editor',
  'editorial',
  'editors',
  'intern',
  'journalist',
  'journalists',
  'newsroom',
  'photographer',
  'producer',
  'rédaction',
  'redacción',
  'redaktion',
  'report',
  'reporter',
  'reporters',
  'reports',
  'services',
  'staff',
  'team',
  'writer',
  'writers',
]);

/** Words that come before a role noun in a title ("Senior Staff Writer", "News Desk"). */
const ROLE_MODIFIERS = new Set([
  'assistant',
  'associate',
  'business',
  'chief',
  'contributing',
  'deputy',
  'digital',
  'diplomatic',
  'editorial',
  'executive',
  'foreign',
  'freelance',
  'general',
  'global',
  'guest',
  'health',
  'international',
  'investigative',
  'local',
  'managing',
  'national',
  'news',
  'online',
  'political',
  'politics',
  'science',
  'senior',
  'special',
  'sports',
  'staff',
  'tech',
  'technology',
  'web',
  'wire',
  'world',
]);

/** Placeholders CMSs put where no author was entered. */
const NO_PERSON = new Set(['admin', 'administrator', 'anonymous', 'guest', 'none', 'unknown']);

/** News agencies, whose names a comma separates rather than inverts ("Reuters, AFP"). */
const AGENCIES = new Set([
  'afp',
  'ansa',
  'ap',
  'associatedpress',
  'bloomberg',
  'dpa',
  'efe',
  'kyodo',
  'pa',
  'reuters',
  'tass',
  'upi',
  'xinhua',
  'yonhap',
]);

/** Path segments a site puts before an author's slug in a profile URL. */
const PROFILE_SEGMENTS = new Set([
  'author',
  'authors',
  'autor',
  'autoren',
  'auteur',
  'by',
  'columnist',
  'columnists',
  'contributor',
  'contributors',
  'journalist',
  'journalists',
  'people',
  'person',
  'profile',
  'profiles',
  'reporter',
  'reporters',
  'staff',
  'team',
  'writer',
  'writers',
]);

const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARS = 60;

/**
 * People's names from what pages put in their author fields, in order, each once
 * (case-insensitively):
 *
 * - "By", "Written by", "Analysis by", "Von", "Par", "Por", "Author:", "Dr." go; so do e-mail
 *   addresses, @handles, "and 3 others", and whatever follows a date or time ("Jane Doe Updated
 *   3 hours ago"), a `|`, a spaced dash or a full stop ("Jane Doe | Valley Herald"), or
 *   "for"/"in"/"at" ("Jane Doe for Reuters"), and an agency glued after a name.
 * - Several people are split at "and", "&", ";" and commas. A comma between one word and a name
 *   is an inverted name ("Doe, Jane" -> "Jane Doe"), unless the word is a news agency.
 * - Job titles and degrees go: a comma-separated part that ends with a role ("Jane Doe, Senior
 *   Correspondent") or is a degree ("MD"), and a role glued before or after a name ("Staff
 *   Writer Jane Doe"). A byline that is only a role ("Staff", "News Desk") names nobody.
 * - The publisher is no author (`context.publishers`, compared without case, spaces or a leading
 *   "The", each part of "Site | Tagline" on its own): a name that is it or starts with it
 *   ("CNN Business") goes, one that ends with it loses it ("Kevin McCoy USA TODAY").
 * - Not names: a part with a lower-case word other than a particle ("von", "bin", "al-"), so
 *   phrases and user names go; anything over five words; a byline over 120 characters, and
 *   an author field over MAX_AUTHOR_FIELD_CHARS before any cleaning.
 * - A URL names nobody, except a profile URL: `https://site/author/jane-doe` -> "Jane Doe".
 */
export function cleanAuthorNames(values: readonly string[], context: AuthorContext = {}): string[] {
  const publishers = new Set(
    (context.publishers ?? []).flatMap((raw) => {
      // Normalised first: SECTION_BREAK's `\s+` tried at every space of a run of whitespace would
      // take time in the square of the run's length.
      const name = raw ? normalizeText(raw) : '';
      // "LinkNaija | Nigeria's popular news platform": the site's name is one of the parts.
      return name ? [name, ...name.split(SECTION_BREAK)].map(organisationKey) : [];
    }),
  );
  publishers.delete('');
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of values.flatMap((value) => namesIn(value, publishers))) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** 'https://site/author/jane-doe' -> 'Jane Doe'; null for any other URL. */
export function nameFromProfileUrl(value: string): string | null {
  let segments: string[];
  try {
    segments = new URL(value).pathname.split('/').filter((segment) => segment !== '');
  } catch {
    return null;
  }
  const at = segments.findIndex((segment) => PROFILE_SEGMENTS.has(segment.toLowerCase()));
  const slug = at < 0 ? undefined : segments[at + 1];
  if (slug === undefined) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return null;
  }
  const words = decoded
    .replace(/\.[a-z]+$/iu, '')
    .replace(/[-_]\d+$/u, '')
    .split(/[-_.+]/u);
  if (words.length < 2 || words.length > 4 || !words.every((word) => /^\p{L}+$/u.test(word))) {
    return null;
  }
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

function namesIn(value: string, publishers: Set<string>): string[] {
  if (value.length > MAX_AUTHOR_FIELD_CHARS) return [];
  const text = normalizeText(value);
  if (/^(?:https?:\/\/|www\.)/iu.test(text)) {
    const name = nameFromProfileUrl(text.startsWith('www.') ? `https://${text}` : text);
    return name === null ? [] : [name];
  }
  const byline = beforeDateline(
    text.replace(EMAIL, ' ').replace(HANDLE, '$1').replace(MORE_AUTHORS, ''),
  );
  if (byline.length > MAX_BYLINE_CHARS) return [];
  const named = byline
    .split(SECTION_BREAK)
    .map((part) => withoutPrefix(part).trim())
    .find((part) => part !== '' && !isRole(words(part)));
  if (named === undefined) return [];
  const inverted = invertedName(named);
  if (inverted !== null) return [inverted];
  return named.split(AUTHOR_BREAK).flatMap((group) =>
    group.split(/\s*,\s*/u).flatMap((part, index) => {
      // After a comma, a part that ends in a role is the title of the name before it.
      if (index > 0 && (endsWithRole(words(part)) || CREDENTIALS.has(bare(part)))) return [];
      const name = personName(part, publishers);
      return name === null ? [] : [name];
    }),
  );
}

function withoutPrefix(text: string): string {
  return text.replace(BYLINE_PREFIX, '').replace(VON_PREFIX, '');
}

function beforeDateline(text: string): string {
  const found = DATELINE_START.exec(text);
  return found ? text.slice(0, found.index) : text;
}

/** "Doe, Jane" -> "Jane Doe"; null when the text is not one name written surname first. */
function invertedName(text: string): string | null {
  const match = /^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})$/u.exec(
    text,
  );
  const [, surname, given] = match ?? [];
  if (surname === undefined || given === undefined) return null;
  const parts = [surname, ...words(given)];
  if (parts.some((part) => AGENCIES.has(organisationKey(part)) || isAllCaps(part))) return null;
  if (isRole(words(given))) return null;
  return `${given} ${surname}`;
}

/** One person's name from a part of a byline, or null when the part names nobody. */
function personName(part: string, publishers: Set<string>): string | null {
  const bylined = withoutPublisher(
    normalizeText(
      withoutPrefix(part)
        .replace(/\s*\([^)]*\)/gu, ' ')
        .replace(TRAILING_AFFILIATION, ''),
    ),
    publishers,
  );
  // Again once the roles are gone: "Valley Herald Staff" is the publisher too.
  const named =
    bylined &&
    withoutPublisher(withoutTrailingAgency(withoutRoles(words(bylined))).join(' '), publishers);
  if (!named) return null;
  const text = named.replace(/^[\s,.:;'"“”‘’]+|[\s,:;'"“”‘’]+$/gu, '');
  const count = words(text).length;
  if (
    !/\p{L}/u.test(text) ||
    count === 0 ||
    count > MAX_NAME_WORDS ||
    text.length > MAX_NAME_CHARS ||
    /[/@]|https?:/iu.test(text) ||
    NO_PERSON.has(text.toLowerCase()) ||
    words(text).some(isLowerCaseWord)
  ) {
    return null;
  }
  return text;
}

/** The name without a title glued before it ("Staff Writer Jane Doe") or after it. */
function withoutRoles(parts: string[]): string[] {
  if (isRole(parts)) return [];
  let end = parts.length;
  if (endsWithRole(parts)) {
    end -= 1;
    while (end > 0 && isRoleWord(parts[end - 1] ?? '')) end -= 1;
  }
  const kept = parts.slice(0, end);
  const lastNoun = kept.slice(0, 4).findLastIndex(isRoleNoun);
  return lastNoun >= 0 && kept.length - lastNoun - 1 >= 2 ? kept.slice(lastNoun + 1) : kept;
}

/** Only role words, one of them a role noun: "Staff", "Senior Correspondent", "News Desk". */
function isRole(parts: string[]): boolean {
  return parts.length > 0 && parts.every(isRoleWord) && parts.some(isRoleNoun);
}

function endsWithRole(parts: string[]): boolean {
  const last = parts.at(-1);
  return last !== undefined && isRoleNoun(last);
}

/** "Editor", and its hyphenated kinds ("Editor-at-large"). */
function isRoleNoun(part: string): boolean {
  return ROLE_NOUNS.has(bare(part.split('-')[0] ?? ''));
}

function isRoleWord(part: string): boolean {
  return isRoleNoun(part) || ROLE_MODIFIERS.has(bare(part));
}

/**
 * A word in lower case that is no name particle: the part is a phrase, not a name
 * ("civil conversation"), or a user name ("kei_eno"). Scripts without case never match.
 */
function isLowerCaseWord(word: string): boolean {
  return /^\p{Ll}/u.test(word) && !PARTICLES.has(word.toLowerCase().split(/[-'’]/u)[0] ?? '');
}

/** "Jill Lawless Associated Press" -> "Jill Lawless": an agency glued after a name. */
function withoutTrailingAgency(parts: string[]): string[] {
  for (const count of [2, 1]) {
    const rest = parts.length - count;
    if (rest >= 2 && AGENCIES.has(organisationKey(parts.slice(rest).join(' ')))) {
      return parts.slice(0, rest);
    }
  }
  return parts;
}

/**
 * The name without the publisher: null when it is the publisher, or starts with its name ("CNN
 * Business" at CNN, "Telegraph Sport" at The Telegraph); without it when it ends with it
 * ("Elliot Brownstein Florida Today").
 */
function withoutPublisher(name: string, publishers: Set<string>): string | null {
  const parts = words(name);
  for (let count = 1; count <= Math.min(parts.length, 4); count += 1) {
    if (publishers.has(organisationKey(parts.slice(0, count).join(' ')))) return null;
  }
  for (let count = Math.min(parts.length - 1, 4); count >= 1; count -= 1) {
    if (publishers.has(organisationKey(parts.slice(-count).join(' ')))) {
      return parts.slice(0, -count).join(' ');
    }
  }
  return name;
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}]/gu, '');
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter((word) => word !== '');
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word);
}

/** "The Valley Herald", "valley herald" and "ValleyHerald.com" are the same organisation. */
function organisationKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/\.(?:com|net|org|info|news|co\.uk|com\.au)$/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}
