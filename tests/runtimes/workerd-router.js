// Front worker of the workerd runner: GET /<scenario> is forwarded to that scenario's worker
// (a service binding), GET /ready answers at once so the runner knows workerd is up.

export default {
  async fetch(request, env) {
    const name = new URL(request.url).pathname.slice(1);
    if (name === 'ready') return new Response('ok');
    const service = env[`scenario_${name.replace(/-/g, '_')}`];
    if (!service) return new Response(`no scenario ${name}`, { status: 404 });
    return service.fetch(request);
  },
};
