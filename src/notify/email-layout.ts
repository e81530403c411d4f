import type { Council } from '../config.js';
import type { EmailMessage } from './queue.js';

/**
 * One piece of an email's body. A string is a paragraph; the others are the few shapes a
 * GOV.UK Notify-style email uses.
 */
export type EmailBlock =
  string | { link: string; text: string } | { heading: string } | { list: string[] } | { inset: string };

export interface EmailContent {
  to: string;
  subject: string;
  blocks: EmailBlock[];
}

const COLOUR_TEXT = '#0b0c0c';
const COLOUR_LINK = '#1d70b8';
const COLOUR_BORDER = '#b1b4b6';
const FONT = 'font-family: Helvetica, Arial, sans-serif;';
const PARAGRAPH = `${FONT} font-size: 19px; line-height: 25px; color: ${COLOUR_TEXT}; margin: 0 0 20px 0;`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function contactLines(council: Council): string[] {
  return [
    `Email: ${council.email}`,
    `Telephone: ${council.phone}`,
    `Post: ${[council.teamName, ...council.addressLines].join(', ')}`,
  ];
}

function blockAsText(block: EmailBlock): string {
  if (typeof block === 'string') return block;
  if ('link' in block) return `${block.text}:\n${block.link}`;
  if ('heading' in block) return `# ${block.heading}`;
  if ('list' in block) return block.list.map((item) => `* ${item}`).join('\n');
  return `^ ${block.inset}`;
}

function blockAsHtml(block: EmailBlock): string {
  if (typeof block === 'string') return `<p style="${PARAGRAPH}">${escapeHtml(block)}</p>`;
  if ('link' in block)
    return `<p style="${PARAGRAPH}"><a href="${escapeHtml(block.link)}" style="color: ${COLOUR_LINK};">${escapeHtml(block.text)}</a></p>`;
  if ('heading' in block)
    return `<h2 style="${FONT} font-size: 27px; line-height: 35px; font-weight: 700; color: ${COLOUR_TEXT}; margin: 0 0 15px 0;">${escapeHtml(block.heading)}</h2>`;
  if ('list' in block)
    return `<ul style="${PARAGRAPH} padding-left: 20px;">${block.list
      .map((item) => `<li style="margin: 5px 0;">${escapeHtml(item)}</li>`)
      .join('')}</ul>`;
  return `<blockquote style="${PARAGRAPH} border-left: 10px solid ${COLOUR_BORDER}; padding: 15px 0 0.1px 15px; margin-left: 0;">${escapeHtml(block.inset)}</blockquote>`;
}

/**
 * Lays out an email in the plain GOV.UK Notify style, with a plain-text part and an HTML part
 * that say the same thing, and the council's contact details at the bottom of both.
 */
export function layoutEmail(council: Council, content: EmailContent): EmailMessage {
  const contactHeading = `Contact ${council.teamName}`;
  const text = [
    ...content.blocks.map(blockAsText),
    '---',
    `${contactHeading}\n${contactLines(council).join('\n')}`,
    `EHC Hub is run by ${council.name}. This email was sent automatically: please do not reply to it.`,
  ].join('\n\n');

  const footer = [
    `<hr style="border: 0; border-top: 1px solid ${COLOUR_BORDER}; margin: 30px 0 20px 0;">`,
    `<p style="${FONT} font-size: 16px; line-height: 22px; font-weight: 700; color: ${COLOUR_TEXT}; margin: 0 0 5px 0;">${escapeHtml(contactHeading)}</p>`,
    `<p style="${FONT} font-size: 16px; line-height: 22px; color: ${COLOUR_TEXT}; margin: 0 0 15px 0;">${contactLines(
      council,
    )
      .map(escapeHtml)
      .join('<br>')}</p>`,
    `<p style="${FONT} font-size: 16px; line-height: 22px; color: ${COLOUR_TEXT}; margin: 0;">EHC Hub is run by ${escapeHtml(council.name)}. This email was sent automatically: please do not reply to it.</p>`,
  ].join('\n');

  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin: 0; padding: 0; background: #ffffff;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse: collapse; background: ${COLOUR_TEXT};">
<tr><td style="padding: 15px 20px; ${FONT} color: #ffffff;">
<span style="font-size: 28px; line-height: 32px; font-weight: 700;">EHC Hub</span><br>
<span style="font-size: 16px; line-height: 22px;">${escapeHtml(council.name)}</span>
</td></tr>
</table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse: collapse; max-width: 580px;">
<tr><td style="padding: 30px 20px;">
${content.blocks.map(blockAsHtml).join('\n')}
${footer}
</td></tr>
</table>
</body>
</html>
`;
  return { to: content.to, subject: content.subject, text, html };
}
