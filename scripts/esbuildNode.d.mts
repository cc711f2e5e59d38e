export declare const EXTERNAL: string[];
export declare const ESM_SHIMS: { banner: { js: string }; define: Record<string, string> };
