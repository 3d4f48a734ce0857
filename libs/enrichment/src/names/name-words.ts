import { wordSet } from '../text/text-tokens';

// The words around and inside people's names that are not names themselves: read by the name
// finder, the people finder and the place matcher alike.

/**
 * Words that stand before a name but are not part of it: titles, ranks and roles. Compared in
 * lower case, without a final full stop ("Gen." -> "gen").
 */
export const TITLE_WORDS: ReadonlySet<string> = wordSet(`
  president vice prime minister premier chancellor secretary general emir amir sheikh shaikh king
  queen prince princess crown sultan emperor empress duke duchess lord lady sir dame baron
  baroness pope cardinal bishop archbishop rabbi imam ayatollah reverend rev father sister brother
  saint mr mrs ms miss mx dr prof professor spokesman spokeswoman spokesperson senator sen
  representative rep congressman congresswoman governor gov mayor judge justice chairman
  chairwoman chair ceo director commissioner ambassador envoy deputy chief head leader speaker
  attorney foreign defence defense interior finance colonel col lieutenant lt captain capt major
  maj sergeant sgt corporal private admiral adm marshal field commander officer coach manager his
  her majesty highness excellency hon honourable honorable former late state first supreme grand
  mufti crown-prince mp mep taoiseach tanaiste tánaiste
`);

/** Lower-case words that belong inside names: "Tamim bin Hamad Al Thani", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = wordSet(`
  al el bin bint ibn ben abu abd de da di dos das du del della der den van von la le ter zu y
`);

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));
}

export function isParticle(word: string): boolean {
  return NAME_PARTICLES.has(word.toLowerCase());
}
