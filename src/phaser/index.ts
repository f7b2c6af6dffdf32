/** The one place Phaser is imported (it does not tree-shake; a custom build can swap in here). */
import * as Phaser from "phaser";
export { Phaser };
