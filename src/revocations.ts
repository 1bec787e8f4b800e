/**
 * The credentials of one kind (API keys, widget keys) known revoked, by id:
 * what this instance revoked or read. A revocation is final, so an id once
 * known revoked stays so.
 */
export class Revocations {
  private readonly ids = new Set<string>();

  /** `readRevoked` reads on the primary which of the ids it is given are revoked now. */
  constructor(private readonly readRevoked: (ids: string[]) => Promise<string[]>) {}

  /** A credential revoked here, or seen revoked in a read. */
  add(id: string) {
    this.ids.add(id);
  }

  /** Whether the credential is known revoked, without a read. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Reads which of `ids` are revoked now: after it, `has` knows every
   * revocation of them committed before the read, on any instance. True when
   * it learnt of one.
   */
  async read(ids: Iterable<string>): Promise<boolean> {
    const unknown = [...new Set(ids)].filter((id) => !this.ids.has(id));
    if (unknown.length === 0) return false;
    const revoked = await this.readRevoked(unknown);
    for (const id of revoked) this.ids.add(id);
    return revoked.length > 0;
  }
}

/** When a credential a socket holds ends: by time, or when it is revoked. */
export interface CredentialEnd {
  /** Epoch ms (Infinity: never by time). */
  endsAt: number;
  /** Where its revocation is known: read again before each batch of events is sent. */
  revocations: Revocations;
  id: string;
}

/** Whether the credential has ended at `now` (epoch ms), as far as this instance knows. */
export const credentialEnded = (end: CredentialEnd, now: number) =>
  end.endsAt <= now || end.revocations.has(end.id);
