/**
 * How the workbench's Web Workers take requests: only the newest matters. Each request waits one
 * turn of the event loop so newer ones already sent arrive first; an older one is then answered
 * as superseded, the newest is handled.
 */
export function serveLatest<Req extends { id: number }>(
  handle: (req: Req) => void,
  superseded: (id: number) => void,
): void {
  let latest = 0;
  self.onmessage = (ev: MessageEvent<Req>) => {
    const req = ev.data;
    latest = Math.max(latest, req.id);
    setTimeout(() => (req.id < latest ? superseded(req.id) : handle(req)), 0);
  };
}
