import { createConnection as connectTo, type Socket } from 'node:net';
import { IPCMessageReader, IPCMessageWriter, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { StrictStreamReader } from './framing.ts';

export interface Transport {
	reader: MessageReader;
	writer: MessageWriter;
	/** The byte-stream reader (stdio, socket, pipe), whose desynchronisation ends the server. */
	framed?: StrictStreamReader;
	/** stdout carries the protocol: nothing else may be written to it. */
	stdio: boolean;
}

/**
 * The transport the command line names, as vscode-languageserver reads it (`--stdio`,
 * `--node-ipc`, `--socket=N` or `--socket N`, `--pipe=NAME`), with the server's own strict
 * framing on byte streams.
 */
export function transportFromArgs(argv: string[]): Transport {
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = inline ?? argv[i + 1];
		if (flag === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
		if (flag === '--stdio') {
			const framed = new StrictStreamReader(process.stdin);
			return { reader: framed, writer: new StreamMessageWriter(process.stdout), framed, stdio: true };
		}
		if (flag === '--socket' && Number(value) > 0) return socketTransport(connectTo(Number(value), '127.0.0.1'));
		if (flag === '--pipe' && value) return socketTransport(connectTo(value));
	}
	throw new Error("nianbao: name a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME");
}

/**
 * The client listens, the server connects. Responses are small writes that follow a request
 * with no write in between: with Nagle's algorithm on, each would wait for the client's delayed
 * ACK (about 40 ms on Linux), so the socket is set to send at once.
 */
export function socketTransport(socket: Socket): Transport {
	socket.setNoDelay(true);
	const framed = new StrictStreamReader(socket);
	return { reader: framed, writer: new StreamMessageWriter(socket), framed, stdio: false };
}
