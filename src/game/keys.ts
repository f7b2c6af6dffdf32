/** Scene keys; each equals its class name. */
export const SceneKey = {
  Title: "Title",
  ScenarioSelect: "ScenarioSelect",
  ScenarioProblems: "ScenarioProblems",
  Meeting: "Meeting",
  Debrief: "Debrief",
  Settings: "Settings",
  AccountMap: "AccountMap",
  Progress: "Progress",
} as const;
