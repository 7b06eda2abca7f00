/** One-time start-up work; handlers await it. Later features add their set-up here. */
export async function init(): Promise<void> {}
