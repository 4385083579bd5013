"use client";
import { useEffect } from "react";

export interface LiveEvent<T = Record<string, unknown>> {
  workspaceId: string;
  topic: string;
  id: string;
  data: T;
}

/** Subscribes to the workspace's server-sent events for one topic (reconnects automatically). */
export function useLiveEvents<T>(
  slug: string,
  topic: string,
  onEvent: (event: LiveEvent<T>) => void,
) {
  useEffect(() => {
    const source = new EventSource(`/api/workspaces/${slug}/events`);
    const listener = (message: MessageEvent<string>) =>
      onEvent(JSON.parse(message.data) as LiveEvent<T>);
    source.addEventListener(topic, listener);
    return () => {
      source.removeEventListener(topic, listener);
      source.close();
    };
  }, [slug, topic, onEvent]);
}
