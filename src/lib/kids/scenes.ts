// Picture-story scenes drawn inline as SVG by src/routes/kids/Scene.svelte. Content refers to
// them by id; the loader refuses an id that is not drawn.
export const SCENE_IDS = ['night-sky', 'tablet', 'message', 'secret-box', 'grown-up', 'hug', 'stars', 'game', 'home'] as const;
export type SceneId = (typeof SCENE_IDS)[number];

export function isSceneId(v: unknown): v is SceneId {
	return typeof v === 'string' && (SCENE_IDS as readonly string[]).includes(v);
}
