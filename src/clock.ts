/** Source of the current time; tests pass a manual clock to move time without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  constructor(private current: Date = new Date()) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(time: Date | string): void {
    this.current = new Date(time);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
