/**
 * The words of dates in the languages we read, as data: month names other than English's, relative
 * dates ("vor 3 Stunden") and CJK dates. Used by extraction (datelines, bylines, posts) and by the
 * live page (comment threads are runs of dated blocks).
 */

/** Month names and abbreviations other than English's, for day-first dates ("5. März 2024"). */
export const OTHER_MONTHS = [
  // German
  'januar|jänner|februar|feber|märz|mär|mrz|mai|juni|juli|oktober|okt|dezember|dez',
  // French
  'janvier|janv|février|févr|fév|mars|avril|avr|juin|juillet|juil|août|septembre|octobre|novembre|décembre|déc',
  // Spanish
  'enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|ago|septiembre|setiembre|octubre|noviembre|diciembre|dic',
  // Italian
  'gennaio|gen|febbraio|aprile|maggio|mag|giugno|giu|luglio|lug|settembre|set|ottobre|ott',
  // Dutch, Swedish, Danish
  'januari|februari|maart|mrt|mei|augustus|augusti|marts|maj|august|september|november|december',
  // Portuguese
  'janeiro|fevereiro|fev|março|maio|junho|julho|setembro|outubro|out|dezembro',
  // Polish (the genitive of dates, and the nominative)
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia' +
    '|styczeń|luty|marzec|kwiecień|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień',
];

/**
 * "N minutes ago" in each language ("vor 3 Stunden", "il y a 2 heures", "3小时前"), each after a
 * word it cannot do without: a page compiles only the patterns of the words its lines hold.
 */
export const RELATIVE_DATES: readonly (readonly [hint: string, pattern: string])[] = [
  ['\\bago\\b', '\\b\\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago\\b'],
  ['\\bvor ', '\\bvor (\\d+|einer?|einem) (sekunden?|minuten?|min\\.?|stunden?|std\\.?|tag(en)?|wochen?)(?![a-zß-ÿ])'],
  ['\\bil y a ', '\\bil y a (\\d+|une?) (secondes?|minutes?|min|heures?|h|jours?|semaines?)(?![a-zß-ÿ])'],
  ['\\bhace ', '\\bhace (\\d+|una?) (segundos?|minutos?|min|horas?|h|días?|semanas?)(?![a-zß-ÿ])'],
  [
    ' fa\\b',
    "\\b(\\d+ |un |una |un')(secondi|secondo|minuti|minuto|min|ore|ora|giorni|giorno|settimane|settimana) fa\\b",
  ],
  [' geleden\\b', '\\b(\\d+|een) (seconden?|minuten?|min|uur|dagen|dag|weken|week) geleden\\b'],
  ['\\bhá ', '\\bhá (\\d+|uma?) (segundos?|minutos?|min|horas?|h|dias?|semanas?)(?![a-zß-ÿ])'],
  [' atrás', '\\b\\d+ (segundos?|minutos?|horas?|dias?|semanas?) atrás'],
  [
    ' temu\\b',
    '(?<![a-zß-ž])(\\d+ )?(sekund[ay]?|sekundę|minut[ay]?|minutę|min\\.?|godzin[ay]?|godzinę|godz\\.?|dni|dzień|tydzień|tygodnie|tygodni) temu\\b',
  ],
  [
    ' sedan\\b',
    '\\bför (\\d+|en|ett) (sekunder|sekund|minuter|minut|min|timmar|timme|tim|dagar|dag|veckor|vecka) sedan\\b',
  ],
  [' siden\\b', '\\bfor (\\d+|en|et) (sekunder|sekund|minutter|minut|min|timer|time|dage|dag|uger|uge) siden\\b'],
  ['前', '\\d+ ?(秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週|週間|个月|個月|か月|ヶ月)前'],
  [' 전', '\\d+ ?(초|분|시간|일|주|개월) 전'],
];

/**
 * Dates written with CJK units: "2024年3月5日", "2024년 3월 5일", and a day without its year only
 * with the time ("3月5日 07:17"), as an English "Oct 14" counts only with a year or a time: a
 * story's lead ("TNW中文站 10月14日报道", like "LONDON, Oct 14 (Reuters)") is its text.
 */
export const CJK_DATES = [
  '\\d{1,4} ?年 ?\\d{1,2} ?月 ?\\d{1,2} ?日',
  '\\d{1,2}月\\d{1,2}日.{0,12}\\d{1,2}[:：]\\d{2}',
  '\\d{4}년 ?\\d{1,2}월 ?\\d{1,2}일',
  '\\d{1,2}월 ?\\d{1,2}일.{0,12}\\d{1,2}:\\d{2}',
];
