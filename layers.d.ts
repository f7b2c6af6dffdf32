/** Types of layers.js (plain JS so eslint.config.js can import it). */
export declare const HOST_PACKAGES: readonly string[];
export declare const HOST_FOLDERS: readonly string[];
export declare const DOM_GLOBALS: readonly string[];
