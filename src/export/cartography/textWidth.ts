// How wide a map label will be, without a browser: advance widths of DejaVu
// Sans (regular and bold) for U+0020-U+00FF, in thousandths of an em, measured
// with canvas measureText in Chromium. DejaVu Sans is the widest of the common
// sans-serif faces, and every map text also carries textLength, so the text is
// drawn exactly as wide as measured here whatever font the reader's machine has.
// Characters outside the table count as a full em (wide, so a box never falls short).

export interface TextStyle {
  sizePx: number;
  bold: boolean;
}

const FIRST = 0x20;
// U+007F-U+009F are control characters: width 0.
const REGULAR = [
  318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,
  636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,
  1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,
  603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,
  500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,
  635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  318,401,636,636,636,636,337,500,500,1000,471,612,838,0,1000,500,
  500,838,401,401,500,636,636,318,500,401,471,612,969,969,969,531,
  684,684,684,684,684,684,974,698,632,632,632,632,295,295,295,295,
  775,748,787,787,787,787,787,838,787,732,732,732,732,611,605,630,
  613,613,613,613,613,613,982,550,615,615,615,615,278,278,278,278,
  612,634,612,612,612,612,612,838,612,634,634,634,634,592,635,592,
];
const BOLD = [
  348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,
  696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,
  1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,
  733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,
  500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,
  716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  348,456,696,696,636,696,365,500,500,1000,564,646,838,0,1000,500,
  500,838,438,438,500,736,636,380,500,438,564,646,1035,1035,1035,580,
  774,774,774,774,774,774,1085,734,683,683,683,683,372,372,372,372,
  838,837,850,850,850,850,850,838,850,812,812,812,812,724,738,719,
  675,675,675,675,675,675,1048,593,678,678,678,678,343,343,343,343,
  687,712,687,687,687,687,687,838,687,712,712,712,712,652,716,652,
];
const OTHER: Record<string, number> = { '\u2013': 500, '\u2014': 1000, '\u2018': 318, '\u2019': 318, '\u201c': 518, '\u201d': 518, '\u2026': 1000 };

/** Width in px of one line of text at a style. */
export function textWidth(text: string, style: TextStyle): number {
  const table = style.bold ? BOLD : REGULAR;
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const i = code - FIRST;
    em += i >= 0 && i < table.length ? table[i] : (OTHER[ch] ?? (code < FIRST ? 0 : 1000));
  }
  return (em / 1000) * style.sizePx;
}

/** Line height used for label boxes: DejaVu's ascent plus descent (1.164 em), rounded up. */
export const lineHeight = (style: TextStyle) => style.sizePx * 1.2;
