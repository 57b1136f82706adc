/* The result page (templates/assessments/result.html): the server has this
   attempt's answers, so the copy kept on the phone may go. */
(function () {
  var script = document.currentScript;
  var attempt = script && script.dataset.attempt;
  if (!attempt) return;
  try {
    localStorage.removeItem("balai-kuis-" + attempt);
    localStorage.removeItem("balai-kuis-" + attempt + "-diberikan");
  } catch (e) {}
})();
