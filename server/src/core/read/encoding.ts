import iconv from 'iconv-lite';

/**
 * Decoding report files as Windows and web exports save them: UTF-8 (with or without BOM),
 * UTF-16 LE/BE (with or without BOM) and GBK/GB18030. Pure: bytes in, text out, and back.
 */
export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface Decoded {
	text: string;
	encoding: Encoding;
	bom: boolean;
	/** Some bytes did not decode; writing the text back would lose them. */
	lossy: boolean;
}

export type DecodeResult = Decoded | { error: 'binary' };

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): DecodeResult {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
		return { text, encoding: 'utf8', bom: true, lossy: text.includes('\ufffd') };
	}
	// A UTF-16 BOM is two bytes that binary data also starts with: the text after it must read as text.
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return plausibleOrBinary(utf16(bytes.subarray(2), 'utf16le', true));
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return plausibleOrBinary(utf16(bytes.subarray(2), 'utf16be', true));

	const sample = bytes.subarray(0, 65536);
	let nulEven = 0;
	let nulOdd = 0;
	for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? nulEven++ : nulOdd++);
	if (nulEven + nulOdd > 0) {
		// Text in UTF-8 or GBK has no NUL bytes; UTF-16 has one in every ASCII character (digits, line breaks).
		const guess: Encoding = nulOdd >= nulEven ? 'utf16le' : 'utf16be';
		return plausibleOrBinary(utf16(bytes, guess, false));
	}
	try {
		return { text: utf8Fatal.decode(bytes), encoding: 'utf8', bom: false, lossy: false };
	} catch {
		// UTF-8 with a stray byte or two (a tool cut a character in half) is still UTF-8: GBK read as
		// UTF-8 breaks on nearly every Chinese character, not on one in fifty.
		const lossy = utf8Lossy.decode(bytes);
		let broken = 0;
		let wide = 0;
		for (let i = 0; i < lossy.length; i++) {
			const c = lossy.charCodeAt(i);
			if (c === 0xfffd) broken++;
			else if (c >= 0x80) wide++;
		}
		if (wide >= 20 && broken * 50 <= wide) return { text: lossy, encoding: 'utf8', bom: false, lossy: true };
		const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
		if (plausibility(text) < 0.9) return { error: 'binary' };
		return { text, encoding: 'gb18030', bom: false, lossy: text.includes('\ufffd') };
	}
}

function plausibleOrBinary(d: DecodeResult): DecodeResult {
	return 'error' in d || plausibility(d.text) < 0.9 ? { error: 'binary' } : d;
}

function utf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be', bom: boolean): DecodeResult {
	const even = bytes.length - (bytes.length % 2);
	const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, even), encoding === 'utf16le' ? 'utf16le' : 'utf16-be');
	return { text, encoding, bom, lossy: even !== bytes.length || text.includes('\ufffd') };
}

/**
 * Share of characters that occur in a report: CJK, ASCII printable, white space, CJK punctuation,
 * and the symbols text tools draw with (w3m's and pandoc's box lines ┌─┬, ①, ■, ★, ×, ≤).
 */
function plausibility(text: string): number {
	const n = Math.min(text.length, 20000);
	if (n === 0) return 1;
	let good = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2100 && c <= 0x27bf) || (c >= 0xa0 && c <= 0xff) || (c >= 0xfe30 && c <= 0xfe4f)) good++;
	}
	return good / n;
}

export function encodeText(text: string, encoding: Encoding, bom: boolean): Uint8Array {
	switch (encoding) {
		case 'utf8': {
			const body = Buffer.from(text, 'utf8');
			return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
		}
		case 'utf16le': {
			const body = iconv.encode(text, 'utf16le');
			return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
		}
		case 'utf16be': {
			const body = iconv.encode(text, 'utf16-be');
			return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
		}
		case 'gb18030':
			return iconv.encode(text, 'gb18030');
	}
}
