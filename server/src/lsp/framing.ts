import { AbstractMessageReader, Emitter, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/** Header lines are short; a "header" longer than this is not one. */
const MAX_HEADER_BYTES = 8192;
/** Twice the largest document the server would check (UTF-8 can take three bytes a character) and then some. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;
const HEADER_LINE = /^([!#-'*+.0-9A-Z^-z|~-]+):[ \t]*([\x20-\x7e]*?)[ \t]*$/;
/** What a line not yet ended may still become: a header name, perhaps its colon and value. */
const HEADER_PREFIX = /^[!#-'*+.0-9A-Z^-z|~-]*(?::[\x20-\x7e]*)?\r?$/;

/**
 * Reads base-protocol frames (`Content-Length: n` CRLF CRLF, then n bytes of JSON) from a byte
 * stream, strictly. The stream carries no other boundaries, so after one malformed header (no or
 * an unreadable Content-Length, a bare LF, bytes that cannot start a header) nothing after it can
 * be trusted: the reader says so once on `onDesync` and reads no more; the caller ends the
 * process, and the client starts a new server. A well-framed body that is not JSON is reported on
 * `onUnparsable` and reading goes on (the answer is JSON-RPC's −32700).
 */
export class StrictStreamReader extends AbstractMessageReader {
	private readonly desyncEmitter = new Emitter<string>();
	private readonly unparsableEmitter = new Emitter<string>();
	private chunks: Buffer[] = [];
	private total = 0;
	private bodyLength = -1;
	private broken = false;

	constructor(private readonly readable: NodeJS.ReadableStream) {
		super();
	}

	get onDesync() {
		return this.desyncEmitter.event;
	}

	get onUnparsable() {
		return this.unparsableEmitter.event;
	}

	listen(callback: DataCallback): Disposable {
		const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, callback);
		const onError = (e: unknown) => this.fireError(e);
		const onClose = () => this.fireClose();
		this.readable.on('data', onData);
		this.readable.on('error', onError);
		this.readable.on('end', onClose);
		this.readable.on('close', onClose);
		return {
			dispose: () => {
				this.readable.off('data', onData);
				this.readable.off('error', onError);
				this.readable.off('end', onClose);
				this.readable.off('close', onClose);
			},
		};
	}

	private onData(chunk: Buffer, callback: DataCallback): void {
		if (this.broken) return;
		this.chunks.push(chunk);
		this.total += chunk.length;
		for (;;) {
			if (this.bodyLength < 0) {
				const length = this.readHeader();
				if (length === undefined) return;
				if (typeof length === 'string') return this.desync(length);
				this.bodyLength = length;
			}
			if (this.total < this.bodyLength) return;
			const body = this.take(this.bodyLength);
			this.bodyLength = -1;
			let message: Message;
			try {
				message = JSON.parse(body.toString('utf8')) as Message;
			} catch (e) {
				this.unparsableEmitter.fire(e instanceof Error ? e.message : String(e));
				continue;
			}
			callback(message);
		}
	}

	/** The next frame's body length; undefined while the header is incomplete; a reason when it is malformed. */
	private readHeader(): number | undefined | string {
		const head = this.peek(Math.min(this.total, MAX_HEADER_BYTES));
		const end = head.indexOf('\r\n\r\n');
		const text = head.subarray(0, end < 0 ? head.length : end).toString('latin1');
		const lines = text.split('\r\n');
		const last = end < 0 ? lines.pop()! : undefined;
		for (const line of lines) if (!HEADER_LINE.test(line)) return `malformed header line ${JSON.stringify(line.slice(0, 80))}`;
		if (last !== undefined) {
			if (!HEADER_PREFIX.test(last)) return `malformed header ${JSON.stringify(last.slice(0, 80))} (a bare line feed, or no header at all)`;
			if (head.length >= MAX_HEADER_BYTES) return `no end of header within ${MAX_HEADER_BYTES} bytes`;
			return undefined;
		}
		let length: string | undefined;
		for (const line of lines) {
			const [, name, value] = HEADER_LINE.exec(line)!;
			if (name.toLowerCase() === 'content-length') length = value;
			else if (name.toLowerCase() === 'content-type' && !/^application\/vscode-jsonrpc(?:\s*;\s*charset=utf-?8)?$/i.test(value))
				return `unsupported Content-Type ${JSON.stringify(value)}`;
		}
		if (length === undefined) return 'a header without Content-Length';
		if (!/^\d{1,10}$/.test(length) || Number(length) > MAX_BODY_BYTES) return `Content-Length ${JSON.stringify(length)} is not a byte count`;
		this.take(end + 4);
		return Number(length);
	}

	private desync(reason: string): void {
		this.broken = true;
		this.chunks = [];
		this.total = 0;
		this.desyncEmitter.fire(reason);
	}

	/** The first n buffered bytes, without consuming them. */
	private peek(n: number): Buffer {
		if (this.chunks[0]?.length >= n) return this.chunks[0].subarray(0, n);
		const joined = Buffer.concat(this.chunks);
		this.chunks = [joined];
		return joined.subarray(0, n);
	}

	/** Consumes the first n buffered bytes (n ≤ total); chunks are joined only as far as needed. */
	private take(n: number): Buffer {
		const parts: Buffer[] = [];
		let need = n;
		while (need > 0) {
			const c = this.chunks[0];
			if (c.length <= need) {
				parts.push(c);
				this.chunks.shift();
				need -= c.length;
			} else {
				parts.push(c.subarray(0, need));
				this.chunks[0] = c.subarray(need);
				need = 0;
			}
		}
		this.total -= n;
		return parts.length === 1 ? parts[0] : Buffer.concat(parts);
	}
}
