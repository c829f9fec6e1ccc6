import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport, parseReport } from '../server/src/core/index.ts';
import { readSeed, SEEDS } from './helpers.ts';

/**
 * Prose against tables, on labelled examples: each sentence is placed in the overview of seed
 * 001 (a 2021-format report for 2023 whose tables say: 3 new requests, 0 carried over, 2
 * disclosed, 1 partly disclosed, 0 carried forward, 1 review (upheld), no lawsuits, 2 normative
 * documents issued and 7 in force, 1309 licensing and 21 penalty decisions), and the claims found
 * and the warnings raised are compared with the label.
 */
const BASE = readSeed('001_2c73ece5a30f6368.txt');
const inOverview = (sentence: string) => BASE.replace('（一）主动公开\n', `（一）主动公开\n${sentence}\n`);

interface Example {
	text: string;
	/** Claims expected in the sentence, as id=value. */
	claims: string[];
	/** Warning codes expected for the sentence. */
	warnings: string[];
}

const EXAMPLES: Example[] = [
	// Claims that agree with the table: found, bound, no warning.
	{ text: '2023年，我局共收到政府信息公开申请3件。', claims: ['requests.new=3'], warnings: [] },
	{ text: '全年新收政府信息公开申请三件，予以公开2件，部分公开1件。', claims: ['requests.new=3', 'requests.disclosed=2', 'requests.partly-disclosed=1'], warnings: [] },
	{ text: '本年度制发行政规范性文件2件，现行有效规范性文件7件。', claims: ['active.normative-issued=2', 'active.normative-in-force=7'], warnings: [] },
	{ text: '全年发布2份规范性文件。', claims: ['active.normative-issued=2'], warnings: [] },
	{ text: '2023年，我局主动公开政府信息1404条。', claims: ['active.disclosed=1404'], warnings: [] },
	{ text: '全年作出行政许可决定1309件，行政处罚21件。', claims: ['active.licensing=1309', 'active.penalties=21'], warnings: [] },
	{ text: '全年收到行政复议1起，未发生行政诉讼。', claims: ['appeals.review=1', 'appeals.lawsuit=0'], warnings: [] },
	{ text: '上年结转0件，结转下年度继续办理0件。', claims: ['requests.carried-over=0', 'requests.carried-forward=0'], warnings: [] },
	// Claims that contradict it: a warning on the number.
	{ text: '2023年，我局共收到政府信息公开申请5件。', claims: ['requests.new=5'], warnings: ['claim.mismatch'] },
	{ text: '全年制发规范性文件十二件。', claims: ['active.normative-issued=12'], warnings: ['claim.mismatch'] },
	{ text: '本年度发生行政诉讼2起。', claims: ['appeals.lawsuit=2'], warnings: ['claim.mismatch'] },
	{ text: '无因政府信息公开引发的行政复议。', claims: ['appeals.review=0'], warnings: ['claim.mismatch'] },
	// Ambiguous or not about this year's cells: nothing.
	{ text: '2022年，我局共收到政府信息公开申请5件。', claims: [], warnings: [] },
	{ text: '收到政府信息公开申请数量同比增长50%，较上年的2件增加1件。', claims: [], warnings: [] },
	{ text: '全年公开行政许可信息546条。', claims: [], warnings: [] },
	{ text: '受理行政许可申请2000件。', claims: [], warnings: [] },
	{ text: '累计收到政府信息公开申请120件。', claims: [], warnings: [] },
	{ text: '收到政府信息公开申请约10件。', claims: [], warnings: [] },
	{ text: '未发生行政复议纠错案件。', claims: [], warnings: [] },
	{ text: '发布政策解读12篇，通知公告30条。', claims: [], warnings: [] },
	{ text: '全年发布信息共100条，其中政策文件40条，工作动态50条等。', claims: [], warnings: [] },
	// Outcome claims and the prose's own arithmetic.
	{ text: '行政复议案件均获维持。', claims: [], warnings: [] },
	{ text: '全年发布信息共100条，其中政策文件60条，工作动态50条。', claims: [], warnings: ['claim.breakdown'] },
	{ text: '全年发布信息共200条，其中政策文件50条，占25%。', claims: [], warnings: [] },
	// A list closed by the catch-all 其他 is the whole: short of its total is wrong too; without it, or where items may overlap, it is not.
	{ text: '共在门户网站公开政府信息44条，其中安全生产、应急管理类信息1条；重大建设项目信息2条；其他应主动公开的政府信息38条。', claims: [], warnings: ['claim.breakdown'] },
	{ text: '共在门户网站公开政府信息44条，其中安全生产、应急管理类信息1条；重大建设项目信息2条；其他应主动公开的政府信息41条。', claims: [], warnings: [] },
	{ text: '共在门户网站公开政府信息44条，其中安全生产、应急管理类信息1条；重大建设项目信息2条；政策解读38条。', claims: [], warnings: [] },
	{ text: '共在门户网站公开政府信息44条，其中通过网站1条；通过微信2条；其他渠道38条。', claims: [], warnings: [] },
	{ text: '在主动公开的107条政府信息中，全文电子化的主动公开信息数共107条，其中:减税降费22条，财政预算、决算报告共7条；其他文件共54条等。', claims: ['active.disclosed=107'], warnings: [] },
	{ text: '在主动公开的90条政府信息中，全文电子化的主动公开信息数共90条，机构设置、主要职能类信息共1条；规范性文件类信息10条；财政资金信息52条；其他应主动公开的政府信息30条。', claims: ['active.disclosed=90'], warnings: ['claim.breakdown'] },
	// The year's information split into its kinds of disclosure is the whole too (pingtan-zhz-2020), but only as a 其中 list.
	{ text: '2020年，共制作政府信息（文件）617份，其中主动公开138份、依申请公开及不予公开431份。', claims: [], warnings: ['claim.breakdown'] },
	{ text: '2020年，共制作政府信息（文件）617份，其中主动公开186份、依申请公开及不予公开431份。', claims: [], warnings: [] },
	{ text: '2021年制作、获取政府信息总数510条，其中主动公开政府信息198条，依申请公开信息数142条，不予公开信息数170条。', claims: [], warnings: [] },
	{ text: '全年发布信息共200条，其中政策文件50条，占30%。', claims: [], warnings: ['claim.percent'] },
	// Rows named together, and applications counted in 条 (issue 14).
	{ text: '本年度予以公开及部分公开共3件，不予公开和无法提供0件。', claims: ['requests.disclosed-or-partly=3', 'requests.refused-or-unavailable=0'], warnings: [] },
	{ text: '全年共收到政府信息公开申请3条。', claims: ['requests.new=3'], warnings: [] },
	{ text: '予以公开和部分公开4件。', claims: ['requests.disclosed-or-partly=4'], warnings: ['claim.mismatch'] },
	{ text: '不予公开和无法提供共2件。', claims: ['requests.refused-or-unavailable=2'], warnings: ['claim.mismatch'] },
	// Completion and correction claims the table does not contradict (seed 001 carries nothing forward, its review was upheld).
	{ text: '全年收到的申请均已按时办结。', claims: [], warnings: [] },
	{ text: '行政复议案件零纠错。', claims: [], warnings: [] },
	// Not about this year's requests: nothing.
	{ text: '上年结转的申请均已办结。', claims: [], warnings: [] },
	{ text: '依申请公开信息数182条。', claims: [], warnings: [] },
	// Shares of a count named in the sentence before, and lists that go on after ； (real sentences of test/corpus/real: czjrj 2020, 2017, 2024; shsyj 2023).
	{ text: '2020年制作、获取政府信息总数425条，其中主动公开政府信息148条，依申请公开信息数182条，不予公开信息数95条。主动公开的政府信息占34.82%。', claims: [], warnings: [] },
	{ text: '2017年制作、获取政府信息总数70条，其中主动公开政府信息69条，作为依申请公开信息数1条，不予公开信息数0。主动公开的政府信息占98.55%。', claims: [], warnings: ['claim.percent'] },
	{ text: '2023年，在主动公开的61条政府信息中，全文电子化的主动公开信息数共61条，其中:减税降费5条，财税金融等政策及解读共1条；财政预算、决算报告共7条；财政资金直达基层12条；其他文件共51条等。', claims: ['active.disclosed=61'], warnings: ['claim.breakdown'] },
	{ text: '全年印发公文类政府信息共514条，其中主动公开信息数130，依申请公开信息数363条，不予公开21条；全年通过政府门户网站主动公开政策，规范性文件类信息5条，民政扶贫救灾社会保障就业类信息15条，科教卫健类信息105条，其他应主动公开的政府5条，全年通过政府门户网站回应依申请公开信息1条（本机关不掌握相关政府信息），解读政策性文件10条。', claims: [], warnings: [] },
	// Statements that no request came in, and the pre-2019 wording of requests (real sentences of test/corpus/real: gaj 2018, zrzyj 2018).
	{ text: '2023年，未收到公民提出的公开政府信息申请。', claims: ['requests.new=0'], warnings: ['claim.mismatch'] },
	{ text: '本年度未收到当面提交的政府信息公开申请。', claims: [], warnings: [] },
	{ text: '未收到因政府信息公开申请引起的行政复议。', claims: ['appeals.review=0'], warnings: ['claim.mismatch'] },
	{ text: '2023年我局受理依申请公开3件，其中网上申请2件、信函传真申请1件。', claims: ['requests.new=3'], warnings: [] },
	{ text: '2023年我局受理的5件依申请公开全都按规定进行了答复。', claims: ['requests.new=5'], warnings: ['claim.mismatch'] },
	// A 其中 list that breaks down the year's disclosures counted sentences before (real sentences of test/corpus/real: scjgj 2018).
	{ text: '2023年度，主动公开政府信息389条，历年累计主动公开政府信息1176条。政府信息主动公开类别主要涉及公示公告、机构职能、政策规范性文件等政府信息。其中公示公告类371条，机构职能类13条，政策规范性文件类6条。', claims: ['active.cumulative=1176'], warnings: ['claim.breakdown'] },
	{ text: '2023年度，主动公开政府信息389条，历年累计主动公开政府信息1176条。政府信息主动公开类别主要涉及公示公告、机构职能、政策规范性文件等政府信息。其中公示公告类71条，机构职能类13条，政策规范性文件类6条。', claims: ['active.cumulative=1176'], warnings: [] },
	{ text: '2023年度，主动公开政府信息389条。通过微信公众号发布信息500条。其中公示公告类371条，机构职能类13条，政策规范性文件类6条。', claims: ['active.disclosed=389'], warnings: [] },
	// A number spaced off from the words, as PDF text gives it (seed 001's own sentence through pdftotext).
	{ text: '我局全年因履行政府信息公开的相关行政行为收到行政复议 2 起。', claims: ['appeals.review=2'], warnings: ['claim.mismatch'] },
	{ text: '2023 年我局接到 3 起政府信息公开申请，均依法予以回复。', claims: ['requests.new=3'], warnings: [] },
	// Requests concluded, against （七）总计 (real wordings: 平潭农业农村局 2024, 宝坻区 2022; seed 001 concludes 3).
	{ text: '全年按时办结申请3件，办结率100%。', claims: ['requests.concluded=3'], warnings: [] },
	{ text: '全年依法办结政府信息公开申请5件，其中网络申请数3件，信函申请数2件。', claims: ['requests.concluded=5'], warnings: ['claim.mismatch'] },
	{ text: '2023年度，我局共收到政府信息公开申请4件，受理并办结2件，1件属于“本机关不掌握相关政府信息”。', claims: ['requests.new=4'], warnings: ['claim.mismatch'] },
	{ text: '全年共收到市长信箱交办件35件，办结35件，均按时回复申请人。', claims: [], warnings: [] },
	// One kind of applicant, against its columns (seed 001: 3 new requests, all from 自然人; real wordings: 平潭农业农村局 2024, 沭阳县 2025).
	{ text: '2023年，我局共收到政府信息公开申请3件，其中自然人申请3件。', claims: ['requests.new=3', 'requests.natural=3'], warnings: [] },
	{ text: '2023年，我局共收到政府信息公开申请3件，其中法人申请1件、自然人申请2件。', claims: ['requests.new=3', 'requests.organisations=1', 'requests.natural=2'], warnings: ['claim.mismatch', 'claim.mismatch'] },
	{ text: '2023年，共收到公民、法人和其他组织政府信息公开申请3件。', claims: [], warnings: [] },
	// A count of several years is no cell of this year's (real sentence: 平潭经济发展局 2018).
	{ text: '近3年共受理信息公开申请2件，1件通过邮寄纸质材料书面申请公开。', claims: [], warnings: [] },
	// A share of the year's disclosures is a part of them (real sentence of test/corpus/html-rows: gwh 2016).
	{ text: '2023年全区主动公开政府信息1404条。其中，区直各部门主动公开政府信息800条，占57%。各乡镇主动公开政府信息604条，占43%。', claims: ['active.disclosed=1404'], warnings: [] },
];

describe('prose claims on labelled examples', () => {
	const baseline = checkReport(parseReport(BASE)).filter((f) => f.code.startsWith('claim.')).length;
	test('the unmodified report raises no claim warning', () => assert.equal(baseline, 0));
	for (const ex of EXAMPLES) {
		test(ex.text, () => {
			const text = inOverview(ex.text);
			const model = parseReport(text);
			const line = text.split('\n').indexOf(ex.text);
			const claims = model.claims.filter((c) => c.range.start.line === line).map((c) => `${c.id}=${c.value}`);
			assert.deepEqual(claims.sort(), [...ex.claims].sort());
			const warnings = checkReport(model).filter((f) => f.code.startsWith('claim.') && f.range.start.line === line).map((f) => f.code);
			assert.deepEqual(warnings.sort(), [...ex.warnings].sort());
		});
	}
	test('a mismatch points at the cell it contradicts, in both languages', () => {
		const text = inOverview('2023年，我局共收到政府信息公开申请5件。');
		const f = checkReport(parseReport(text)).find((x) => x.code === 'claim.mismatch')!;
		assert.match(f.message, /正文称本年新收政府信息公开申请为 5（“收到政府信息公开申请5件”），统计表中为 3（一、本年新收政府信息公开申请数量 · 总计）/);
		assert.equal(f.related!.length, 1);
		assert.equal(parseReport(text).index.textOf(f.related![0].range), '3');
		const en = checkReport(parseReport(text), { lang: 'en' }).find((x) => x.code === 'claim.mismatch')!;
		assert.match(en.message, /The text gives 5 new requests this year/);
	});
	test('an outcome claim the table contradicts', () => {
		const text = inOverview('行政复议案件均获维持。').replace('\t1\n\t0\n\t0\n\t0\n\t1\n', '\t0\n\t1\n\t0\n\t0\n\t1\n');
		const f = checkReport(parseReport(text)).find((x) => x.code === 'claim.outcome');
		assert.ok(f);
		assert.match(f.message, /均获维持/);
	});
	test('"all completed" while requests are carried forward (seed 000 carries 1 forward)', () => {
		const seed = readSeed('000_64647beae46556e6.txt');
		const sentence = '我局收到的政府信息公开申请均已按时办结。';
		const text = seed.replace('一、总体情况\n', `一、总体情况\n${sentence}\n`);
		assert.notEqual(text, seed);
		const line = text.split('\n').indexOf(sentence);
		const found = checkReport(parseReport(text)).filter((f) => f.code === 'claim.outcome' && f.range.start.line === line);
		assert.equal(found.length, 1);
		assert.match(found[0].message, /均已按时办结/);
		assert.match(found[0].message, /四、结转下年度继续办理/);
	});
	test('the prose against Fujian\'s 统计表 (本年度 | 历年累计) of a pre-2019 report (test/corpus/real/pingtan-zrzyj-2018.txt)', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-zrzyj-2018.txt'), 'utf8');
		const model = parseReport(text);
		assert.ok(model.tables.some((t) => t.def.id === 'statistics.fujian'));
		const found = checkReport(model).filter((f) => f.code === 'claim.mismatch').map((f) => f.message);
		assert.equal(found.length, 2, found.join('\n'));
		assert.match(found[0] + found[1], /受理依申请公开11件”），统计表中为 13（受理政府信息公开申请总数 · 本年度）/);
		assert.match(found[0] + found[1], /受理的14件依申请公开”），统计表中为 13/);
	});
	test('the years\' total against the 统计表\'s 历年累计 (test/corpus/real/pingtan-zhz-2018.txt: 共公开文件累计257份, the table 256; pingtan-scjgj-2018: 1176 agrees)', () => {
		const zhz = parseReport(readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-zhz-2018.txt'), 'utf8'));
		const found = checkReport(zhz).filter((f) => f.code === 'claim.mismatch').map((f) => f.message);
		assert.deepEqual(found, ['正文称历年累计主动公开政府信息为 257（“共公开文件累计257份”），统计表中为 256（主动公开文件数 · 历年累计）。']);
		const scjgj = parseReport(readFileSync(join(__dirname, 'corpus', 'real', 'pingtan-scjgj-2018.txt'), 'utf8'));
		const claim = scjgj.claims.find((c) => c.id === 'active.cumulative');
		assert.equal(claim?.value, 1176);
		assert.ok(!checkReport(scjgj).some((f) => f.code === 'claim.mismatch' && f.message.includes('历年累计')));
	});
	test('受理…申请 counting the new requests with those carried over agrees (test/corpus/real/jiangsu-shuyang-xzf-2025.txt: 749 = 713 + 36)', async () => {
		const text = readFileSync(join(__dirname, 'corpus', 'real', 'jiangsu-shuyang-xzf-2025.txt'), 'utf8');
		const model = parseReport(text);
		const claim = model.claims.find((c) => c.id === 'requests.new' && c.value === 749);
		assert.ok(claim, 'the claim is read');
		assert.equal(claim.cells.length, 1);
		assert.equal(claim.alsoCounts?.length, 2);
		assert.deepEqual(checkReport(model).filter((f) => f.code === 'claim.mismatch'), []);
		const { hoverAt } = await import('../server/src/core/features/index.ts');
		assert.match(hoverAt(model, claim.valueRange.start, 'zh')!.markdown, /✓ 与统计表一致：.* = 749/);
	});
	test('no seed raises a claim warning', () => {
		for (const seed of SEEDS) assert.deepEqual(checkReport(parseReport(readSeed(seed))).filter((f) => f.code.startsWith('claim.')), [], seed);
	});
});

describe('hover on a claim', () => {
	test('shows the cell it speaks of, and whether they agree', async () => {
		const { hoverAt } = await import('../server/src/core/features/index.ts');
		const text = inOverview('2023年，我局共收到政府信息公开申请5件。');
		const model = parseReport(text);
		const claim = model.claims.find((c) => c.id === 'requests.new' && c.value === 5)!;
		const zh = hoverAt(model, claim.valueRange.start, 'zh')!;
		assert.match(zh.markdown, /一、本年新收政府信息公开申请数量 · 总计 = 3/);
		assert.match(zh.markdown, /✗ 统计表中为 3/);
		assert.deepEqual(zh.range, claim.range);
		assert.match(hoverAt(model, claim.valueRange.start, 'en')!.markdown, /new requests this year 5/);
	});
});

describe('claims against totals the table leaves blank, and 无法提供 alone', () => {
	test('上海 2019: 予以公开及部分公开258件 against 272 + 3 (the totals blank: their items’ sums), 无法提供265件 against 265 + 47 + 25', () => {
		const text = readFileSync(join(__dirname, 'corpus', 'converted', 'shanghai-szfbgt-2019.innertext.txt'), 'utf8');
		const claims = checkReport(parseReport(text)).filter((f) => f.code === 'claim.mismatch');
		assert.deepEqual(claims.map((f) => [f.data?.claim, f.data?.claimed, f.data?.actual]), [
			['requests.disclosed-or-partly', 258, 275],
			['requests.unavailable', 265, 337],
		]);
	});
});
