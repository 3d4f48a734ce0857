import i18nCountries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import de from 'i18n-iso-countries/langs/de.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import uk from 'i18n-iso-countries/langs/uk.json';

// Country names in the languages of the major news outlets besides English (AFP, dpa, EFE,
// ANSA, Lusa, ANP, PAP, Anadolu, TASS, Ukrinform, Al Jazeera), from i18n-iso-countries (MIT).
// Languages written without spaces between words (Chinese, Japanese) are left out: the matcher
// is word-aligned.

const LOCALES = [fr, de, es, it, pt, nl, pl, tr, ru, uk, ar];

/** The languages whose country names are known besides English, ISO 639-1. */
export const COUNTRY_NAME_LANGUAGES: readonly string[] = LOCALES.map((data) => data.locale);

export interface LocalCountryName {
  code: string;
  name: string;
  locale: string;
}

/**
 * Every name of every country in each registered language, with the inflected forms news text
 * uses where the language inflects them in a regular way: Russian and Ukrainian case endings
 * ("в России", "Катара"), Arabic prefixed conjunctions and prepositions ("وقطر", "بالعراق"),
 * German genitives ("Russlands"). Forms that are irregular are missed.
 */
export function localCountryNames(): LocalCountryName[] {
  const names: LocalCountryName[] = [];
  for (const data of LOCALES) {
    i18nCountries.registerLocale(data);
    const locale = data.locale;
    for (const [code, forms] of Object.entries(i18nCountries.getNames(locale, { select: 'all' }))) {
      for (const name of forms) {
        for (const form of inflections(name, locale)) names.push({ code, name: form, locale });
      }
    }
  }
  return names;
}

function inflections(name: string, locale: string): string[] {
  switch (locale) {
    case 'ru':
      return [name, ...russianCases(name)];
    case 'uk':
      return [name, ...ukrainianCases(name)];
    case 'ar':
      return [name, ...arabicProclitics(name)];
    case 'de':
      return /\s/.test(name) || /[sßxz]$/.test(name) ? [name] : [name, `${name}s`];
    default:
      return [name];
  }
}

/** Declined only when written as one word in lower case after its capital (not "США"). */
function declinable(name: string): boolean {
  return !/[\s-]/.test(name) && /^\p{Lu}\p{Ll}+$/u.test(name);
}

/**
 * Genitive, dative or prepositional, accusative and instrumental of a Russian name, by its
 * ending: Россия -> России, Россию, Россией; Америка -> Америки, Америке, Америку, Америкой;
 * Катар -> Катара, Катаре, Катару, Катаром; Китай -> Китая, Китае, Китаю, Китаем. Names
 * ending otherwise (Перу, Чили) do not decline.
 */
function russianCases(name: string): string[] {
  if (!declinable(name)) return [];
  const stem = name.slice(0, -1);
  if (name.endsWith('ия')) return [`${stem}и`, `${stem}ю`, `${stem}ей`];
  if (name.endsWith('а')) {
    const genitive = /[гкхжшщч]$/.test(stem) ? 'и' : 'ы';
    return [`${stem}${genitive}`, `${stem}е`, `${stem}у`, `${stem}ой`];
  }
  if (/[йь]$/.test(name)) return [`${stem}я`, `${stem}е`, `${stem}ю`, `${stem}ем`];
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(name)) {
    return [`${name}а`, `${name}е`, `${name}у`, `${name}ом`];
  }
  return [];
}

/** The same for Ukrainian: Росія -> Росії, Росію, Росією; Україна -> України, Україні, ... */
function ukrainianCases(name: string): string[] {
  if (!declinable(name)) return [];
  const stem = name.slice(0, -1);
  if (name.endsWith('ія')) {
    const root = name.slice(0, -2);
    return [`${root}ії`, `${root}ію`, `${root}ією`];
  }
  if (name.endsWith('а')) return [`${stem}и`, `${stem}і`, `${stem}у`, `${stem}ою`];
  if (/[йь]$/.test(name)) return [`${stem}ю`, `${stem}ї`, `${stem}єм`];
  if (/[бвгґджзклмнпрстфхцчшщ]$/.test(name)) {
    return [`${name}у`, `${name}а`, `${name}і`, `${name}ом`];
  }
  return [];
}

/** "و" (and), "ب" (in), "ل" (for) and "ف" (so) written onto the name; "ل" + "ال" is "لل". */
function arabicProclitics(name: string): string[] {
  const forms = ['و', 'ب', 'ف'].map((prefix) => `${prefix}${name}`);
  forms.push(name.startsWith('ال') ? `لل${name.slice(2)}` : `ل${name}`);
  return forms;
}
