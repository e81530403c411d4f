/**
 * PGlite has one session. A client connection takes it through this gate and keeps it until its
 * work leaves the session idle (no transaction, no extended query half-sent); the others wait in
 * the order they asked.
 */
export class SessionGate {
  #holder: unknown = undefined;
  #waiting: { owner: unknown; admit: () => void }[] = [];

  get waiting(): number {
    return this.#waiting.length;
  }

  holds(owner: unknown): boolean {
    return this.#holder === owner;
  }

  /** Resolves once `owner` holds the session (at once if it already does). */
  enter(owner: unknown): Promise<void> {
    if (this.#holder === owner) return Promise.resolve();
    if (this.#holder === undefined) {
      this.#holder = owner;
      return Promise.resolve();
    }
    return new Promise((admit) => this.#waiting.push({ owner, admit }));
  }

  leave(owner: unknown): void {
    if (this.#holder !== owner) {
      // A client that gave up while waiting.
      this.#waiting = this.#waiting.filter((entry) => entry.owner !== owner);
      return;
    }
    const next = this.#waiting.shift();
    this.#holder = next?.owner;
    next?.admit();
  }
}
