/**
 * A web page's row of site links, as a crawler or a copy writes its header or footer bar: short
 * link texts joined by pipes (`昌江区政府网 | 市政府门户网站 | 网站无障碍 | 关怀版`,
 * `首页 | 网站地图 | 联系我们 | English`). It is page chrome, not a row of a table: no cell of a
 * report's table is a site's link.
 */

/** Link texts only a site's header or footer bar carries. */
const SITE_LINK = /^(?:网站首页|首页|返回首页|网站地图|(?:网站)?无障碍(?:浏览|阅读)?|关怀版|长者版|适老版|老年版|(?:长者|关怀|适老化?|无障碍)模式|联系我们|关于我们|English|ENGLISH|Русская версия|繁體|繁体|简体|簡體|繁體版|简体版|手机版|移动版|设为首页|加入收藏|返回顶部|智能问答|使用帮助|帮助中心|网站声明|隐私声明|(?:登录|注册|个人登录|法人登录)|网站纠错|纠错)$/;
/** A site's name as its header links it (昌江区政府网, 市政府门户网站, 中国政府网). */
const SITE_NAME = /^\S{1,12}(?:政府网|门户网站|政府门户|人民政府网站?)$/;
/** The longest link text of such a bar. */
const MAX_LINK = 14;
const PIPE = /[|｜]/;

export function isSiteNavigation(line: string): boolean {
	if (line.length > 200 || !PIPE.test(line)) return false;
	const links = line.split(PIPE).map((c) => c.trim()).filter((c) => c !== '');
	if (links.length < 2 || links.some((c) => c.length > MAX_LINK || /[\d０-９。，；：:、（）()]/.test(c))) return false;
	const site = links.filter((c) => SITE_LINK.test(c)).length;
	const named = links.filter((c) => SITE_NAME.test(c)).length;
	// A bar that opens with the home page is a menu whatever its other links (首页 | 政务公开 | 政务服务 | 互动交流).
	if (/^(?:网站首页|首页)$/.test(links[0]) && links.length >= 3) return true;
	return site >= 1 && site + named >= 2 && (site + named) * 2 >= links.length;
}
