/**
 * A custom Phaser 4 build with only what Dealcraft uses: the WebGL renderer (no Canvas
 * renderer, no Phaser sound: Howler owns sound), scenes, the loader, keyboard / mouse /
 * touch input, tweens, timers, and the Text, Rectangle, Graphics, Image and Container
 * game objects. Phaser does not tree-shake, so this is how the bundle gets small.
 * vite.config.ts aliases "phaser" here for production builds; measure with
 * `npm run bench:size`.
 */
import CONST from "phaser-src/const.js";
import Extend from "phaser-src/utils/object/Extend.js";
import Game from "phaser-src/core/Game.js";
import Scene from "phaser-src/scene/Scene.js";
import Scenes from "phaser-src/scene/index.js";
import Scale from "phaser-src/scale/index.js";
import LoaderPlugin from "phaser-src/loader/LoaderPlugin.js";
import LoaderEvents from "phaser-src/loader/events/index.js";
// File types register themselves with the loader when imported.
import "phaser-src/loader/filetypes/TextFile.js";
import "phaser-src/loader/filetypes/ImageFile.js";
import InputEvents from "phaser-src/input/events/index.js";
// The scene input plugin and the keyboard plugin register themselves when imported.
import "phaser-src/input/InputPlugin.js";
import KeyboardPlugin from "phaser-src/input/keyboard/KeyboardPlugin.js";
import Tweens from "phaser-src/tweens/index.js";
import Time from "phaser-src/time/index.js";
import Cameras2D from "phaser-src/cameras/2d/index.js";
import Events from "phaser-src/events/index.js";
import Textures from "phaser-src/textures/index.js";
import Renderer from "phaser-src/renderer/index.js";
import BlendModes from "phaser-src/renderer/BlendModes.js";
import DisplayList from "phaser-src/gameobjects/DisplayList.js";
import UpdateList from "phaser-src/gameobjects/UpdateList.js";
import GameObjectFactory from "phaser-src/gameobjects/GameObjectFactory.js";
import GameObjectCreator from "phaser-src/gameobjects/GameObjectCreator.js";
import GameObject from "phaser-src/gameobjects/GameObject.js";
import Components from "phaser-src/gameobjects/components/index.js";
import Text from "phaser-src/gameobjects/text/Text.js";
import Rectangle from "phaser-src/gameobjects/shape/rectangle/Rectangle.js";
import Graphics from "phaser-src/gameobjects/graphics/Graphics.js";
import Image from "phaser-src/gameobjects/image/Image.js";
import Container from "phaser-src/gameobjects/container/Container.js";
import Zone from "phaser-src/gameobjects/zone/Zone.js";
// Factories register `this.add.<name>` as a side effect.
import "phaser-src/gameobjects/text/TextFactory.js";
import "phaser-src/gameobjects/shape/rectangle/RectangleFactory.js";
import "phaser-src/gameobjects/graphics/GraphicsFactory.js";
import "phaser-src/gameobjects/image/ImageFactory.js";
import "phaser-src/gameobjects/container/ContainerFactory.js";
import "phaser-src/gameobjects/zone/ZoneFactory.js";

const Phaser = Extend(false, {
  Game,
  Scene,
  Scenes,
  Scale,
  Loader: { Events: LoaderEvents, LoaderPlugin },
  Input: { Events: InputEvents, Keyboard: { KeyboardPlugin } },
  Tweens,
  Time,
  Cameras: { Scene2D: Cameras2D },
  Events,
  Textures,
  Renderer,
  BlendModes,
  GameObjects: { DisplayList, UpdateList, GameObjectFactory, GameObjectCreator, GameObject, Components, Text, Rectangle, Graphics, Image, Container, Zone },
}, CONST);

export default Phaser;
export { Game, Scene, Scenes, Scale, Tweens, Time, Events, Textures, Renderer, BlendModes };
export const GameObjects = Phaser.GameObjects;
export const Loader = Phaser.Loader;
export const Input = Phaser.Input;
export const Cameras = Phaser.Cameras;
export const AUTO = CONST.AUTO;
export const WEBGL = CONST.WEBGL;
