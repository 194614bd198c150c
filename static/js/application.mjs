// Progressive enhancement only: every page works without this file.
import { initAll } from '../govuk/govuk-frontend.min.js'

initAll()

// Session timeout warning (WCAG 2.2.1): offer to stay signed in before the idle limit.
const body = document.body
const dialog = document.getElementById('session-warning')
if (dialog && body.dataset.sessionSecondsLeft) {
  const warningSeconds = Number(body.dataset.sessionWarningSeconds)
  const countdown = dialog.querySelector('[data-session-countdown]')
  const extendForm = dialog.querySelector('[data-session-extend]')
  let deadline = Date.now() + Number(body.dataset.sessionSecondsLeft) * 1000
  let timer

  const describe = (seconds) => {
    const minutes = Math.ceil(seconds / 60)
    return seconds > 60 ? `${minutes} minutes` : `${Math.max(seconds, 0)} seconds`
  }

  const tick = () => {
    const left = Math.round((deadline - Date.now()) / 1000)
    if (left <= 0) {
      window.location.reload() // the server signs the person out and says why
      return
    }
    if (left <= warningSeconds) {
      if (!dialog.open) dialog.showModal()
      // Update the words once a minute, then every 20 s, so screen readers are not flooded.
      if (left > 60 ? left % 60 === 0 : left % 20 === 0) countdown.textContent = describe(left)
    }
    timer = window.setTimeout(tick, 1000)
  }

  extendForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    const response = await fetch(extendForm.action, {
      method: 'POST',
      body: new FormData(extendForm),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin'
    })
    if (response.ok) {
      deadline = Date.now() + Number(await response.text()) * 1000
      countdown.textContent = describe(warningSeconds)
      dialog.close()
    } else {
      extendForm.submit()
    }
  })

  countdown.textContent = describe(warningSeconds)
  window.clearTimeout(timer)
  tick()
}
