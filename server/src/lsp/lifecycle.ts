import { ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

type State = 'uninitialized' | 'running' | 'shutdown';

/**
 * The LSP lifecycle, enforced before any handler sees a message: before `initialize` a request
 * answers ServerNotInitialized and notifications other than `exit` are dropped; a second
 * `initialize` is refused; after `shutdown` every request answers InvalidRequest and only `exit`
 * is heard. A message that is JSON but not JSON-RPC answers InvalidRequest. Wraps the transport's
 * reader, so every handler (the library's too) is covered.
 */
export class LifecycleGate implements MessageReader {
	private state: State = 'uninitialized';

	constructor(
		private readonly inner: MessageReader,
		private readonly writer: MessageWriter,
	) {}

	get shutdownReceived(): boolean {
		return this.state === 'shutdown';
	}

	get onError() {
		return this.inner.onError;
	}

	get onClose() {
		return this.inner.onClose;
	}

	get onPartialMessage() {
		return this.inner.onPartialMessage;
	}

	listen(callback: DataCallback): Disposable {
		return this.inner.listen((message) => {
			if (this.admit(message)) callback(message);
		});
	}

	dispose(): void {
		this.inner.dispose();
	}

	/** Answers a request with an error, as the connection itself would. */
	reject(id: number | string | null, code: number, message: string): void {
		void this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
	}

	private admit(message: Message): boolean {
		const m = message as unknown as Record<string, unknown> | null;
		if (typeof m !== 'object' || m === null || Array.isArray(m)) {
			this.reject(null, ErrorCodes.InvalidRequest, 'not a JSON-RPC message');
			return false;
		}
		const hasId = typeof m.id === 'number' || typeof m.id === 'string';
		if (typeof m.method !== 'string') {
			// A response to one of the server's requests; anything else is not JSON-RPC.
			if (hasId && ('result' in m || 'error' in m)) return true;
			this.reject(hasId ? (m.id as number | string) : null, ErrorCodes.InvalidRequest, 'not a JSON-RPC message');
			return false;
		}
		const method = m.method;
		if (!hasId) {
			if (method === 'exit') return true;
			return this.state === 'running';
		}
		const id = m.id as number | string;
		if (this.state === 'uninitialized') {
			if (method === 'initialize') {
				this.state = 'running';
				return true;
			}
			this.reject(id, ErrorCodes.ServerNotInitialized, `the server is not initialized: ${method} before initialize`);
			return false;
		}
		if (this.state === 'shutdown') {
			this.reject(id, ErrorCodes.InvalidRequest, `the server is shut down: ${method} after shutdown`);
			return false;
		}
		if (method === 'initialize') {
			this.reject(id, ErrorCodes.InvalidRequest, 'initialize was already received');
			return false;
		}
		if (method === 'shutdown') this.state = 'shutdown';
		return true;
	}
}
