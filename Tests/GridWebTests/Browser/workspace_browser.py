"""Drives the workspace in headless Chromium (Debian chromium + chromium-driver) with Selenium.

Usage: workspace_browser.py URL OUTDIR SITE_COUNT
Prints one JSON object: what the page showed at each step (figures as displayed, table rows),
so the Swift test compares them with the CLI's JSON. Screenshots go to OUTDIR.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768",
          "--disable-gpu", "--lang=zh-CN"]:
    options.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 60)
result = {"console": []}


def idle():
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-busy") in (None, "0"))


def figures(container):
    return {e.get_attribute("data-field"): e.text for e in driver.find_elements(By.CSS_SELECTOR, container + " [data-field]")}


def table():
    rows = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#result-table tbody tr"):
        rows.append({"id": tr.get_attribute("data-id"), "candidate": tr.get_attribute("data-candidate"),
                     "cells": [td.text for td in tr.find_elements(By.TAG_NAME, "td")]})
    return rows


def texts():
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#steps button, #panel .figure span, #table th")]


try:
    driver.get(url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    idle()
    result["title"] = driver.find_element(By.ID, "title").text
    result["district"] = driver.find_element(By.ID, "district").text
    result["area_panel"] = figures("#panel")
    result["area_table"] = table()
    result["communities_drawn"] = len(driver.find_elements(By.CSS_SELECTOR, "#map path[data-kind=community]"))
    result["buildings_drawn"] = len(driver.find_elements(By.CSS_SELECTOR, "#map circle[data-kind=building]"))
    result["has_scalebar"] = len(driver.find_elements(By.ID, "scalebar")) == 1
    result["has_north"] = len(driver.find_elements(By.ID, "north")) == 1
    driver.save_screenshot(out + "/1-area.png")

    # Click a community on the map: the one of the first table row (largest deficit).
    first = result["area_table"][0]["id"]
    shape = driver.find_element(By.CSS_SELECTOR, "#map path[data-kind=community][data-id='%s']" % first)
    # Click the label-free centre of the shape through the page's own picking (pointer events).
    driver.execute_script("""
      var p = arguments[0], b = p.getBBox(), svg = p.ownerSVGElement, r = svg.getBoundingClientRect();
      var pt = svg.createSVGPoint(); var hit = null;
      for (var i = 1; i < 20 && !hit; i++) for (var j = 1; j < 20 && !hit; j++) {
        var x = r.left + b.x + b.width * i / 20, y = r.top + b.y + b.height * j / 20;
        var e = document.elementFromPoint(x, y);
        if (e === p) hit = [x, y];
      }
      window.__hit = hit;
    """, shape)
    hit = driver.execute_script("return window.__hit")
    result["community_hit"] = hit is not None
    if hit:
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        actions = ActionBuilder(driver)
        actions.pointer_action.move_to_location(int(hit[0]), int(hit[1])).click()
        actions.perform()
    else:
        driver.execute_script("arguments[0].dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));"
                              "arguments[0].dispatchEvent(new PointerEvent('pointerup', {bubbles: true}));", shape)
    wait.until(lambda d: d.find_element(By.ID, "details").get_attribute("data-community") == first)
    idle()
    result["community_id"] = first
    result["community_panel"] = figures("#details")
    driver.save_screenshot(out + "/2-community.png")

    # Zoom in with the wheel and pan by dragging: the view changes and the map answers.
    svg = driver.find_element(By.ID, "map")
    before = driver.execute_script("return document.querySelector('#scalebar text').textContent")
    driver.execute_script("""
      var s = arguments[0], r = s.getBoundingClientRect();
      for (var i = 0; i < 4; i++) s.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2,
        clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
    """, svg)
    time.sleep(0.5)
    idle()
    result["scale_before"] = before
    result["scale_after"] = driver.execute_script("return document.querySelector('#scalebar text').textContent")

    # A building: click the first drawn one.
    b = driver.find_elements(By.CSS_SELECTOR, "#map circle[data-kind=building]")
    if b:
        bid = b[0].get_attribute("data-id")
        driver.execute_script("arguments[0].dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, pointerId: 9}));"
                              "arguments[0].dispatchEvent(new PointerEvent('pointerup', {bubbles: true, pointerId: 9}));", b[0])
        wait.until(lambda d: d.find_element(By.ID, "details").get_attribute("data-building") == bid)
        result["building_id"] = bid
        result["building_panel"] = figures("#details")
        driver.save_screenshot(out + "/3-building.png")

    # Coverage step.
    driver.find_element(By.ID, "step-coverage").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panel [data-field=coverage_rate]")) == 1)
    idle()
    result["coverage_panel"] = figures("#panel")
    driver.find_element(By.ID, "zoom-fit").click()
    idle()
    driver.save_screenshot(out + "/4-coverage.png")

    # Siting: K sites, the list beside the map and numbered circles on it.
    driver.find_element(By.ID, "step-siting").click()
    field = driver.find_element(By.ID, "site-count")
    field.clear()
    field.send_keys(str(count))
    driver.find_element(By.ID, "site-run").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr[data-candidate]")) == count)
    idle()
    result["site_table"] = table()
    result["site_proof"] = driver.find_element(By.ID, "site-proof").text
    result["sites_drawn"] = len(driver.find_elements(By.CSS_SELECTOR, "#map circle[data-kind=site]"))
    driver.save_screenshot(out + "/5-siting.png")

    # The other steps with a table of their own: grids (preview), party network, compliance, data.
    for step in ["grids", "party", "compliance", "data"]:
        driver.find_element(By.ID, "step-" + step).click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")) > 0)
        idle()
        result["rows_" + step] = len(table())
        result["panel_" + step] = figures("#panel")
        driver.save_screenshot(out + "/step-" + step + ".png")
    driver.find_element(By.ID, "step-siting").click()
    idle()

    # English: the same figures, other words.
    zh_texts = texts()
    zh_numbers = [r["cells"] for r in table()]
    driver.find_element(By.ID, "lang").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    idle()
    result["en_texts"] = texts()
    result["zh_texts"] = zh_texts
    result["zh_site_rows"] = zh_numbers
    result["en_site_rows"] = [r["cells"] for r in table()]
    result["en_title"] = driver.find_element(By.ID, "title").text
    driver.save_screenshot(out + "/6-english.png")
finally:
    try:
        result["console"] = [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    except Exception:
        pass
    driver.quit()
print(json.dumps(result, ensure_ascii=False))
