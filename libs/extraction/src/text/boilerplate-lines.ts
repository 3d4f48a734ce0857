/**
 * What sites write inside the article container that is not the article, by its words, in the
 * languages of the feeds we read (en, de, fr, es, it, pt, nl, ru, pl). Markup does not always tell
 * (`<p>Lesen Sie auch: …</p>` is a paragraph like any other); the words do, when the line is short.
 *
 * JavaScript's `\b` knows only ASCII letters, so a phrase ends at END (a space, punctuation or the
 * end of the line) rather than at `\b`.
 */
const END = String.raw`(?=$|[\s:.,;!?()–—-])`;

function phrases(list: readonly string[]): string {
  return list.join('|');
}

/** Headings and lead-ins of lists of other stories. */
const RELATED = phrases([
  'read more', 'read also', 'also read', 'read next', 'related(?: articles?| stories| posts| news| coverage)?',
  'see also', 'more on this(?: story| topic)?', 'more from [\\p{L} ]{1,30}', 'more stories', 'more news',
  'you (?:might|may) also (?:like|be interested in)', 'recommended(?: for you)?', 'top stories',
  'more headlines', 'mehr nachrichten', 'weitere meldungen', "plus d['’]actualités", 'autres articles', 'otras noticias',
  'altre notizie', 'outras notícias', 'meer nieuws', 'другие новости', 'więcej wiadomości', 'inne artykuły',
  'lesen sie auch', 'lesen sie mehr', 'auch interessant', 'mehr zum thema', 'weitere artikel', 'weitere nachrichten',
  'das könnte sie auch interessieren', 'das könnte dich auch interessieren', 'empfehlungen', 'verwandte artikel',
  'à lire aussi', 'a lire aussi', 'lire aussi', 'voir aussi', 'sur le même sujet', 'à voir aussi', 'vous aimerez aussi',
  'lea también', 'lee también', 'leer también', 'más noticias', 'te puede interesar', 'noticias relacionadas', 'también te puede interesar',
  'leggi anche', 'leggi pure', 'potrebbe interessarti', 'articoli correlati', 'ti potrebbe interessare',
  'leia também', 'veja também', 'leia mais', 'saiba mais', 'notícias relacionadas', 'você (?:também )?pode gostar',
  'lees ook', 'lees meer', 'meer over dit onderwerp', 'gerelateerde artikelen', 'bekijk ook',
  'читайте также', 'читайте еще', 'смотрите также', 'по теме', 'похожие новости', 'материалы по теме',
  'czytaj także', 'czytaj też', 'zobacz też', 'zobacz także', 'polecamy', 'przeczytaj także', 'przeczytaj też',
]); // prettier-ignore

/** Headings of the boxes after the story: about its author, whom the press may call. */
const BOX_HEADING = phrases([
  'about the authors?', 'about the writer', 'über (?:den|die) autor(?:in)?', 'zur person', 'zum autor', 'zur autorin',
  "à propos de l['’]auteur", "l['’]auteur", 'sobre el autor', 'sobre la autora', 'sobre o autor', "sull['’]autore", "l['’]autore",
  'over de auteur', 'об авторе', 'o autorze',
  'comments', 'reviews', 'leave a (?:comment|reply)', 'tell us what you think(?:\\.\\.\\.|…)?', 'kommentare', 'leserkommentare',
  'commentaires', 'comentarios', 'commenti', 'comentários', 'reacties', 'отзывы', 'комментарии', 'komentarze', 'opinie',
  'press contact', 'media contact', 'press enquiries', 'media enquiries', 'for more information', 'pressekontakt',
  'kontakt für die presse', 'medienkontakt', 'contact presse', 'contacts presse', 'contacto de prensa', 'contacto para medios',
  'contatto stampa', 'contatti stampa', 'ufficio stampa', 'contacto para imprensa', 'assessoria de imprensa', 'perscontact',
  'noot voor de redactie', 'контакты для прессы', 'пресс-служба', 'kontakt dla mediów', 'kontakt dla prasy',
]); // prettier-ignore

/** Lines that name what the story is filed under. */
const TAG_LINE = phrases([
  'tags?', 'tagged', 'topics', 'keywords', 'filed under', 'schlagw(?:o|ö)rte?', 'stichw(?:o|ö)rte?', 'themen',
  'mots[- ]clés', 'étiquettes', 'thèmes', 'etiquetas', 'temas', 'palabras clave', 'argomenti', 'parole chiave',
  'palavras[- ]chave', 'trefwoorden', 'onderwerpen', 'теги', 'метки', 'темы', 'tagi', 'tematy', 'słowa kluczowe',
]); // prettier-ignore

/**
 * Prompts to share the story: the verb with what to share or where ("Share this", "Teilen Sie
 * diesen Artikel"), never the verb alone at the start of a sentence ("Share prices fell").
 */
const SHARE = phrases([
  'share (?:this|on|via|with (?:your|a) friends?)', 'teilen sie', '(?:diesen )?artikel teilen', 'beitrag teilen',
  'partag(?:ez|er) (?:cet|sur|l[a\'’])', 'compart(?:e|ir) (?:esta|este|en)', 'condividi (?:questo|su)',
  'compartilh(?:e|ar) (?:esta|este|no)', 'deel (?:dit|via|op)', 'поделит', 'udostępnij', 'podziel się',
]); // prettier-ignore
const SHARE_WORD = phrases([
  'share', 'teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'delen', 'поделиться', 'udostępnij',
]); // prettier-ignore

/** "Was this useful?" */
const USEFUL_PROMPT =
  /(?:helpful|useful|hilfreich|nützlich|utile|útil|nuttig|behulpzaam|полезн\p{L}*|pomocny|przydatny)\s*\?$/iu;

/** Appeals to sign up for a newsletter: the word and a verb of signing up, in one short line. */
const NEWSLETTER =
  /newsletter|rundbrief|infolettre|boletín|нов(?:ая|ую) рассылк|рассылк|biuletyn/iu;
const SIGN_UP =
  /\b(?:sign(?:ing)? up|subscribe|register|join|abonn|anmeld|registrier|bestell|inscri|suscr|apúntate|iscriv|assin|cadastr|inscreva|aanmeld|meld je aan|schrijf je in|abonneer|zapisz|zaprenumeruj|subskryb)|подпи/iu;

/**
 * What a paywall says where the story stops, and the boxes that sell the subscription. "Continue
 * reading" and its kind are also words of a story ("… keep reading."), so they count only as the
 * whole of a short line, or its start or end (READ_ON).
 */
const PAYWALL = new RegExp(
  phrases([
    'to read the (?:full|whole|rest of the) (?:article|story)', 'subscribe (?:now )?to (?:continue|read|unlock)',
    'subscribers? only', 'already a subscriber', 'this (?:article|content) is (?:for|only available to) subscribers',
    'weiterlesen mit', 'nur für abonnenten', 'bereits abonnent', 'exklusiv für abonnenten',
    'réservé aux abonnés', 'déjà abonné', 'abonnez-vous pour', 'pour lire la suite',
    'exclusivo para suscriptores', 'ya eres suscriptor', 'suscríbete para',
    'riservato agli abbonati', 'sei già abbonato', 'abbonati per',
    'exclusivo para assinantes', 'já é assinante', 'assine para',
    'alleen voor abonnees', 'al abonnee', 'word abonnee',
    'продолжение доступно', 'только для подписчиков', 'оформите подписку',
    'tylko dla (?:subskrybentów|prenumeratorów)', 'wykup (?:subskrypcję|dostęp)',
    'register (?:for free |now )?to (?:continue|read|keep)', 'create a free account', '(?:log|sign) in to (?:continue|read)',
    'registrieren sie sich', '(?:jetzt |kostenlos )+registrieren', 'inscrivez-vous gratuitement', 'créez (?:votre|un) compte',
    'regístrate gratis', 'regístrate para', 'registrati gratuitamente', 'registrati per', 'cadastre-se gratuitamente',
    'registreer (?:je )?gratis', 'зарегистрируйтесь', 'zarejestruj się',
  ]),
  'iu',
); // prettier-ignore
/**
 * Words one of PAYWALL's phrases holds: a quick test that spares most lines the long one. Without
 * the `u` flag, which it does not need (no code point above U+FFFF, no property), it runs faster.
 */
const PAYWALL_HINT =
  /abonn|subscri|suscr|assin|abbona|подпис|продолж|subskryp|prenumer|wykup|regist|account|compte|cadastr|зарегистр|zarejestr|(?:log|sign) in/i;
const READ_ON = phrases([
  'continue reading', 'keep reading', 'read on', 'read the full (?:article|story)', 'weiterlesen', 'jetzt weiterlesen',
  'lire la suite', 'seguir leyendo', 'sigue leyendo', 'continúa leyendo', 'leer más', 'continua a leggere',
  'continue lendo', 'continuar lendo', 'lees verder', 'читать далее', 'читать полностью', 'czytaj dalej',
]); // prettier-ignore
const READ_ON_LINE = new RegExp(`^(?:${READ_ON})${END}|(?:${READ_ON})\\s*[.…:!»>]*$`, 'iu');

/** Notices that are never a paragraph of an article: cookies and consent, advertisers' disclosures. */
const NOTICE = new RegExp(
  phrases([
    'we use cookies', 'this (?:web)?site uses cookies', 'use of cookies', 'cookie (?:policy|settings|preferences)', 'accept (?:all )?cookies',
    'wir verwenden cookies', 'diese (?:web)?seite verwendet cookies', 'verwendung von cookies', 'cookie-einstellungen',
    'nous utilisons des cookies', 'utilise des cookies', 'utilisation (?:des|de) cookies',
    'utilizamos cookies', 'usamos cookies', 'uso de cookies', 'utilizziamo (?:i )?cookie', 'utilizza (?:i )?cookie',
    'we gebruiken cookies', 'maakt gebruik van cookies', 'используем (?:файлы )?cookie', 'używamy (?:plików )?cookie',
    '(?:may|might) (?:receive|earn) (?:a )?(?:small )?(?:commission|compensation)', 'affiliate links?', 'paid partnership', 'advertiser disclosure',
    'erhalten wir (?:ggf\\. )?eine provision', 'affiliate-links?', 'percevoir une commission', 'liens affiliés', 'recibir una comisión',
    'enlaces de afiliados', 'ricevere una commissione', 'link di affiliazione', 'receber uma comissão', 'links de afiliados',
    'kan een commissie ontvangen', 'affiliate links', 'партнёрские ссылки', 'linki afiliacyjne',
  ]),
  'iu',
); // prettier-ignore
/** Words one of NOTICE's phrases holds (see PAYWALL_HINT). */
const NOTICE_HINT =
  /cookie|commissi|comisi|comiss|provision|affiliat|afilia|partnership|disclosure|партн/i;

/** A related line names its story after a colon or a dash: "Lesen Sie auch: …", "Read more – …". */
const RELATED_START = new RegExp(`^(?:${RELATED})\\s*[:|–—]`, 'iu');
const RELATED_ALONE = new RegExp(`^(?:${RELATED})\\s*[:.!…]*$`, 'iu');
const BOX_ALONE = new RegExp(`^(?:${BOX_HEADING})\\s*:?$`, 'iu');
const BOX_START = new RegExp(`^(?:${BOX_HEADING})\\s*:`, 'iu');
/** A tag line, also at the end of a line of metadata: "05/10/2018 - Posted by: X - Tags: a b". */
const TAG_START = new RegExp(`(?:^|[-|·•]\\s*)(?:${TAG_LINE})\\s*:`, 'iu');
const TAG_ALONE = new RegExp(`^(?:${TAG_LINE})\\s*:?$`, 'iu');
const SHARE_START = new RegExp(`^(?:(?:${SHARE})${END}|(?:${SHARE_WORD})\\s*[:!]?$)`, 'iu');
/**
 * A line that starts with a photo credit's label: the markers of photo-credit.ts ("Photo:", "Image:",
 * "Credit:", "Photo by", "Foto:", "Bild:", "Crédit :") and "Crédit photo :", "Фото:", anchored, so
 * that a line that does not start with one is refused at its first characters.
 */
const PHOTO_CREDIT =
  /^\(?(?:photo(?:graph)?s?|fotos?|bild(?:er)?|image|picture|credits?|crédits?|crédito|photo credits?|crédits? photos?|zdjęci[ea]|фото)\s*(?::|by\s)/iu;
/** "Follow us on Twitter", "Folgen Sie uns", "Suivez-nous": an appeal, not the story. */
const FOLLOW =
  /^(?:follow (?:us|@\w+|[\p{L} ]{1,30} on)|folgen sie uns|folge uns|suivez-nous|síguenos|siguenos|seguici|siga-nos|sigam-nos|volg ons|подписывайтесь на нас|obserwuj nas)/iu;
/** A sentence that asks the reader to sign up: the verb starts it. */
const SIGN_UP_SENTENCE =
  /(?:^|[.!?]\s+)(?:sign up|subscribe|register|join our|abonnieren sie|melden sie sich|inscrivez-vous|abonnez-vous|suscríbete|suscribete|regístrate|iscriviti|abbonati|assine|inscreva-se|cadastre-se|meld je aan|schrijf je in|abonneer|подпишитесь|zapisz się|zaprenumeruj)/iu;
/** "Image 1 of 5", "Bild 2 von 7": a gallery's counter. */
const GALLERY_COUNTER =
  /^(?:image|photo|picture|slide|bild|foto|imagen|immagine|imagem|afbeelding|фото|zdjęcie)\s+\d+\s*(?:of|von|de|sur|di|van|из|z|\/)\s*\d+$/iu;
/** "This slideshow requires JavaScript", "Bitte aktivieren Sie JavaScript": the page's fallback. */
const NEEDS_JAVASCRIPT =
  /(?:requires?|enable|turn on|aktivieren sie|activez|activa|habilita|attiva|ative|schakel|включите|włącz)\s.{0,30}javascript|javascript\s.{0,30}(?:required|aktivieren|deaktiviert|disabled|désactivé|desactivado|disabilitato|desativado|uitgeschakeld|отключен|wyłączon)/iu;
/** A page footer's rights line, wherever its copyright sign is. */
const RIGHTS_RESERVED =
  /all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|все права защищены|wszelkie prawa zastrzeżone/iu;
/** An e-mail address: in a short line, how to reach the author or the press office. */
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/u;
/** Addresses of web pages, to measure how much of a line they take. */
const URLS = /(?:https?:\/\/|www\.)\S+/giu;
/** A line that is at least this much addresses is a list of files or links, not prose. */
const URL_SHARE = 0.5;
/** Whose newsletter: the site's own ("our", "unseren", "notre"…), or a line that starts with the verb. */
const OUR =
  /(?:^|\s)(?:our|unser\p{L}*|notre|nos|nuestr[oa]s?|nostr[oa]|noss[oa]s?|onze|наш\p{L}*|nasz\p{L}*)\s/iu;

/** Lines longer than this are prose, whatever words they start with. */
export const BOILERPLATE_LINE_CHARS = 250;
/** A share prompt or a photo credit is a short line: longer, it is a sentence about sharing or photos. */
const SHORT_LINE_CHARS = 100;

/**
 * A heading that opens a section of furniture at the end of the story: a list of other stories
 * ("You might also like", "Lesen Sie auch"), the author's bio, the press contact, "Was this
 * article helpful?". Everything from it to the end of the container is furniture, unless the
 * story goes on after it (see the caller).
 */
export function opensFurnitureSection(text: string): boolean {
  if (text.length > SHORT_LINE_CHARS) return false;
  return (
    RELATED_ALONE.test(text) ||
    BOX_ALONE.test(text) ||
    TAG_ALONE.test(text) ||
    (text.endsWith('?') && USEFUL_PROMPT.test(text))
  );
}

/**
 * A short line that is furniture by its words alone: a related-story line ("À lire aussi : …"),
 * a tag line, a share prompt, a newsletter appeal, a paywall's "read on", a cookie notice, a press
 * contact, a photo credit.
 */
export function isBoilerplateLine(text: string): boolean {
  if (text.length > BOILERPLATE_LINE_CHARS) return false;
  // The patterns that are not anchored at the start of the line run only when a character or a
  // word they need is in it: most lines are none of these, and are refused at a glance.
  const colon = text.includes(':');
  if (RELATED_START.test(text) || BOX_START.test(text) || (colon && TAG_START.test(text))) {
    return true;
  }
  if (opensFurnitureSection(text) || isNotice(text)) return true;
  if (
    NEWSLETTER.test(text) &&
    SIGN_UP.test(text) &&
    (OUR.test(text) || SIGN_UP_SENTENCE.test(text))
  ) {
    return true;
  }
  if (
    FOLLOW.test(text) ||
    GALLERY_COUNTER.test(text) ||
    (text.includes('@') && EMAIL.test(text)) ||
    (/javascript/i.test(text) && NEEDS_JAVASCRIPT.test(text)) ||
    RIGHTS_RESERVED.test(text) ||
    isMostlyUrls(text)
  ) {
    return true;
  }
  if (text.length > SHORT_LINE_CHARS) return false;
  return SHARE_START.test(text) || READ_ON_LINE.test(text) || PHOTO_CREDIT.test(text);
}

function isMostlyUrls(text: string): boolean {
  if (!text.includes('http') && !text.includes('www.')) return false;
  const urlChars = (text.match(URLS) ?? []).reduce((sum, url) => sum + url.length, 0);
  return urlChars >= text.length * URL_SHARE;
}

/**
 * Text that is never article text, even as a long paragraph: a paywall's or a cookie banner's
 * sales talk, an advertiser's disclosure. A container of such paragraphs is not the article.
 */
export function isNotice(text: string): boolean {
  return (
    (PAYWALL_HINT.test(text) && PAYWALL.test(text)) || (NOTICE_HINT.test(text) && NOTICE.test(text))
  );
}
