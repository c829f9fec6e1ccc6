import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';

export type Token = Pick<CancellationToken, 'isCancellationRequested'>;

class Cancelled extends Error {}

/** Stops a computation whose request the client cancelled; `guard` turns it into the LSP answer. */
export function checkCancelled(token: Token | undefined): void {
	if (token?.isCancellationRequested) throw new Cancelled('cancelled');
}

/**
 * Wraps a request handler so that no exception escapes: a cancellation answers RequestCancelled,
 * anything else is logged to the client's console and answered with `fallback`, and the server
 * carries on with the next request.
 */
export function guard<P, R, A extends unknown[] = []>(
	connection: Connection,
	name: string,
	fallback: R,
	handler: (params: P, token: CancellationToken, ...rest: A) => R | Promise<R>,
): (params: P, token: CancellationToken, ...rest: A) => Promise<R | ResponseError<never>> {
	return async (params, token, ...rest) => {
		try {
			checkCancelled(token);
			return await handler(params, token, ...rest);
		} catch (e) {
			if (e instanceof Cancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
			if (e instanceof ResponseError) return e as ResponseError<never>;
			connection.console.error(`nianbao: ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
			return fallback;
		}
	};
}

/** The same for notifications, which have no answer to give. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
	return async (params) => {
		try {
			await handler(params);
		} catch (e) {
			connection.console.error(`nianbao: ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
		}
	};
}
