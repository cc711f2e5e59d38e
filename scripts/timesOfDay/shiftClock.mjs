// Loaded with `node --import`: moves this process's clock by CLOCK_SHIFT_MS (Date.now() and `new Date()`;
// dates built from explicit values are left alone), so the whole suite runs as if at another time of day.
const offset = Number(process.env.CLOCK_SHIFT_MS || 0);
const RealDate = Date;
const now = () => RealDate.now() + offset;
// A Proxy rather than a subclass: libraries that subclass Date themselves (e.g. @date-fns/tz's TZDate) keep
// working, since `construct` passes their own `newTarget` through.
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
});
