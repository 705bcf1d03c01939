/** Table badges show their whole label rather than an ellipsis when the table is tight. */
export const NO_CLIP = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
