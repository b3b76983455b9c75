import type { App } from 'antd';
import { ApiError } from './client';

type MessageApi = ReturnType<typeof App.useApp>['message'];

let messageApi: MessageApi | undefined;

/** Set by the shell from antd's App context so messages follow the theme and locale. */
export function setMessageApi(api: MessageApi | undefined): void {
  messageApi = api;
}

/** Show an error to the user: the API's own message, or the fallback for anything unexpected. */
export function notifyError(error: unknown, fallback: string): void {
  // An ended session is answered by going to the sign-in page, not by a toast.
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return;
  const text = error instanceof ApiError ? error.message : fallback;
  if (error instanceof ApiError) {
    // the request id in details (when the server sends one) helps support find the log line
    console.warn(`API ${error.status} ${error.code}: ${error.message}`, error.details);
  } else {
    console.error(error);
  }
  void messageApi?.error(text);
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}
