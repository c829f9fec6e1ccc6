/** Number labels as Word prints them for a list level's format (numFmt). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const TRADITIONAL = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (counts in reports stay small). */
export function chineseCount(n: number): string {
	if (n < 0 || !Number.isInteger(n)) return String(n);
	if (n < 10) return DIGITS[n];
	if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
	if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
	if (n < 1000) {
		const rest = n % 100;
		return DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseCount(rest) : chineseCount(rest));
	}
	return String(n);
}

function letters(n: number, base: string): string {
	let s = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = base[(k - 1) % 26] + s;
	return s;
}

function roman(n: number): string {
	const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
	let s = '';
	let k = n;
	for (const [v, r] of table) while (k >= v) {
		s += r;
		k -= v;
	}
	return s;
}

export function numberLabel(n: number, format: string): string {
	switch (format) {
		case 'chineseCounting':
		case 'chineseCountingThousand':
		case 'japaneseCounting':
		case 'chineseLegalSimplified':
		case 'ideographLegalTraditional':
			return chineseCount(n);
		case 'ideographDigital':
			return String(n).split('').map((d) => DIGITS[Number(d)]).join('');
		case 'ideographTraditional':
			return TRADITIONAL[(n - 1) % 10] ?? String(n);
		case 'decimalFullWidth':
		case 'decimalFullWidth2':
			return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
		case 'decimalEnclosedCircle':
		case 'decimalEnclosedCircleChinese':
			return CIRCLED[n - 1] ?? String(n);
		case 'decimalZero':
			return n < 10 ? `0${n}` : String(n);
		case 'upperLetter':
			return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
		case 'lowerLetter':
			return letters(n, 'abcdefghijklmnopqrstuvwxyz');
		case 'upperRoman':
			return roman(n);
		case 'lowerRoman':
			return roman(n).toLowerCase();
		default:
			return String(n);
	}
}
