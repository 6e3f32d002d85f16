/**
 * A progress line on stderr for long runs: only on a terminal, only after
 * the run has lasted a moment, erased when done. CI logs get nothing.
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export class Progress {
  #done = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #shown = false;
  readonly #start = Date.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly delayMs = 500,
  ) {}

  start(): void {
    if (!this.enabled) return;
    this.#timer = setInterval(() => this.#render(), 100);
    this.#timer.unref?.();
  }

  advance(n: number): void {
    this.#done += n;
  }

  #render(): void {
    const elapsed = Date.now() - this.#start;
    if (elapsed < this.delayMs) return;
    this.#shown = true;
    const count = this.#done > 0 ? `${this.#done}/${this.total}` : `${this.total}`;
    this.stream.write(`\r\u001B[Kbroken-auth: linting ${count} files… ${Math.floor(elapsed / 1000)}s`);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#shown) this.stream.write('\r\u001B[K');
  }
}
