/**
 * A response whose body was read in full within its attempt's timeout. It is a real Response (status, statusText,
 * headers, url of the original) that answers `text()` and `json()` from memory: copying the body into
 * `new Response(bytes)` would build a second stream for bytes already here, and cost more than the rest of an attempt.
 */
export function bufferedResponse(original: Response, text: string): Response {
  BufferedResponse ??= defineBufferedResponse();
  return new BufferedResponse(original, text);
}

/**
 * Defined on first use: naming `Response` makes Node load its fetch implementation, which an import of the client,
 * or creating one, should not pay for.
 */
let BufferedResponse: ReturnType<typeof defineBufferedResponse> | undefined;

const defineBufferedResponse = () =>
  class BufferedResponse extends Response {
    readonly #original: Response;
    #text: string;
    #used = false;
    /** A plain Response over the same text, made only for the rarer ways of reading a body (stream, bytes, blob). */
    #replica: Response | undefined;

    constructor(original: Response, text: string) {
      // Status and text are the original's, read through it: a Response can be built only with a status from 200 to
      // 599 and a valid reason phrase, and a server can send a 999 or a reason phrase of any bytes.
      super(null);
      this.#original = original;
      this.#text = text;
    }

    override get status(): number {
      return this.#original.status;
    }
    override get statusText(): string {
      return this.#original.statusText;
    }
    override get ok(): boolean {
      return this.#original.ok;
    }
    override get headers(): Headers {
      return this.#original.headers;
    }
    override get url(): string {
      return this.#original.url;
    }
    override get redirected(): boolean {
      return this.#original.redirected;
    }
    override get type(): ResponseType {
      return this.#original.type;
    }
    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#full().body;
    }
    override get bodyUsed(): boolean {
      return this.#used || (this.#replica?.bodyUsed ?? false);
    }

    override text(): Promise<string> {
      if (this.#replica) return this.#replica.text();
      if (this.#used) return Promise.reject(unusable());
      this.#used = true;
      const text = this.#text;
      // Read once: a response kept by the caller does not keep its body too.
      this.#text = "";
      return Promise.resolve(text);
    }
    override json(): Promise<unknown> {
      return this.text().then(JSON.parse);
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#read((replica) => replica.arrayBuffer());
    }
    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#read((replica) => replica.bytes());
    }
    override blob(): Promise<Blob> {
      return this.#read((replica) => replica.blob());
    }
    override formData(): Promise<FormData> {
      return this.#read((replica) => replica.formData());
    }
    override clone(): Response {
      if (this.bodyUsed) throw unusable();
      // The text is still here: only text() and json() let it go, and they leave the body used.
      return bufferedResponse(this.#original, this.#text);
    }

    /** Reads through the replica, for what the fast path does not serve; a body already read stays unusable. */
    #read<T>(how: (replica: Response) => Promise<T>): Promise<T> {
      if (this.#used && !this.#replica) return Promise.reject(unusable());
      return how(this.#full());
    }

    #full(): Response {
      // Only its body is ever read: the status is this response's own, which a Response may not be built with.
      this.#replica ??= new Response(this.#used || this.#text === "" ? null : this.#text, { headers: this.headers });
      return this.#replica;
    }
  };

function unusable(): TypeError {
  return new TypeError("Body is unusable: the response body has already been read");
}
