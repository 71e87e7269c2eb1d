import { OutgoingMessage } from './types';

/*
 * Markdown for the DingTalk and WeCom (企业微信/政务微信) group robots. Both reject an over-long message
 * with an errcode that no retry can fix, so the body is cut to fit rather than the message lost.
 */

/** WeCom: markdown.content is at most 4096 bytes of UTF-8; keep a margin. */
export const WECOM_MAX_BYTES = 4000;
/** DingTalk: about 20000 bytes for a markdown message; keep a margin. */
export const DINGTALK_MAX_BYTES = 18000;

const TRUNCATED = '…（内容过长，已截断）';

/** The prefix also satisfies a robot whose security setting is the keyword "绩效". */
export function robotTitle(message: OutgoingMessage): string {
  return `【绩效】${message.title}`;
}

export function robotMarkdown(message: OutgoingMessage, maxBytes: number): string {
  const head = `#### ${robotTitle(message)}\n\n`;
  const tail = [
    message.link && /^https?:\/\//i.test(message.link) ? `\n\n[查看详情](${message.link})` : '',
    `\n\n> 接收人：${message.recipient.username}`,
  ].join('');
  // Single newlines would be joined into one paragraph by the robots' markdown.
  const body = message.body
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n\n');
  const room = maxBytes - Buffer.byteLength(head + tail);
  return head + truncateUtf8(body, room) + tail;
}

/** Cuts on a character boundary so that no multi-byte character (汉字) is split. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(TRUNCATED);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return out + TRUNCATED;
}
