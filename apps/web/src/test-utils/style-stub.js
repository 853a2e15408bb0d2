// Stands in for every `*.css` import under Jest: CSS modules resolve to no class names.
export default {};
