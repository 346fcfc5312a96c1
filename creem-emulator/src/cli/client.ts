/** A failure the CLI reports as one message and exit code 1. */
export class CliError extends Error {}

export const DEFAULT_EMULATOR_URL = "http://localhost:4010";

/** Talks to a running emulator's control API. */
export class ControlClient {
  constructor(readonly baseUrl: string) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>("POST", path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.baseUrl.replace(/\/+$/, "")}/__emulator${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new CliError(
        `Cannot reach the CREEM emulator at ${this.baseUrl}. Start it with \`npm run creem:serve\` or set CREEM_EMULATOR_URL.`,
      );
    }
    const text = await response.text();
    const data: unknown = text ? JSON.parse(text) : {};
    if (!response.ok) {
      const messages = (data as { message?: unknown }).message;
      const detail = Array.isArray(messages) ? messages.join("; ") : text;
      throw new CliError(`${response.status} ${response.statusText}: ${detail}`);
    }
    return data as T;
  }
}
